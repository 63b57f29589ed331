/**
 * A "something changed, look again" signal shared by every replica on one store: Redis
 * PUBLISH/SUBSCRIBE, PostgreSQL LISTEN/NOTIFY, or in-process for the embedded SQLite file.
 * A notice carries nothing: the listener reads the store, so a repeated notice is harmless.
 */
export interface ChangeNotices {
  /** Tells every listener of this channel, on every replica (this one included). */
  publish(): Promise<void>;
  /**
   * Calls `listener` on each notice, and also once the subscription is live and again after each
   * reconnection, since notices sent meanwhile are lost. Returns the way to stop listening.
   */
  subscribe(listener: () => void): () => void;
}
