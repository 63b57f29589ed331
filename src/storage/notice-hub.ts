/**
 * The notices of one store connection, by channel: what a StoreBackend provides so that
 * Store.changes(channel) can hand out ChangeNotices. Subscribing never throws: a subscriber
 * connection that fails is reported to the store's error sink and retried.
 */
export interface NoticeHub {
  publish(channel: string): Promise<void>;
  subscribe(channel: string, listener: () => void): () => void;
  /** Ends the subscriber connection, if one was opened; listeners hear nothing more. */
  close(): Promise<void>;
}
