import type { KeyvStoreAdapter } from 'keyv';
import type { StoreKind } from './parse-store-url.ts';

/** Reports an adapter or driver error; `namespace` is absent for connection-level errors. */
export type StoreErrorSink = (error: unknown, namespace?: string) => void;

/** What one storage technology provides to createStore(). */
export interface StoreBackend {
  readonly kind: StoreKind;
  readonly sqlitePath: string | undefined;
  /** Whether keyv must prefix keys itself (false when the adapter prefixes them natively). */
  readonly useKeyPrefix: boolean;
  createAdapter(namespace: string): KeyvStoreAdapter;
  /** One round trip to the backend; it may hang, the caller bounds it with a timeout. */
  probe(): Promise<void>;
  close(): Promise<void>;
}
