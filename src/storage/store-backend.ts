import type { KeyvStoreAdapter } from 'keyv';
import type { Clock } from '../clock.ts';
import type { LeaseStore } from '../scheduler/lease-store.ts';
import type { NoticeHub } from './notice-hub.ts';
import type { StoreKind } from './parse-store-url.ts';

/**
 * How sure a namespace's writes are once they return. `commit` (the default): on disk, they survive
 * a power loss. `process`: they survive the process's crash, but an OS crash or a power loss may lose
 * the last ones; on SQLite that spares an fsync per write on the event loop (synchronous=NORMAL in
 * WAL mode). Redis and PostgreSQL ignore it: their durability is the server's.
 */
export type Durability = 'commit' | 'process';

/** Reports an adapter or driver error; `namespace` is absent for connection-level errors. */
export type StoreErrorSink = (error: unknown, namespace?: string) => void;

export interface LeaseStoreOptions {
  clock: Clock;
  /** Table (SQL) or key prefix (Redis) of the leases; tests use their own. */
  table?: string | undefined;
}

/** What one storage technology provides to createStore(). */
export interface StoreBackend {
  readonly kind: StoreKind;
  readonly sqlitePath: string | undefined;
  /** Whether keyv must prefix keys itself (false when the adapter prefixes them natively). */
  readonly useKeyPrefix: boolean;
  /** `durability` defaults to `commit`. */
  createAdapter(namespace: string, durability?: Durability): KeyvStoreAdapter;
  /**
   * Run-once leases on the backend's own connection (SQLite database, Redis client, PostgreSQL
   * pool), so that they live where the rest of the shared state lives.
   */
  leases(options: LeaseStoreOptions): LeaseStore;
  /** Change notices between the replicas on this store; close() ends its subscriber connection. */
  readonly notices: NoticeHub;
  /** One round trip to the backend; it may hang, the caller bounds it with a timeout. */
  probe(): Promise<void>;
  close(): Promise<void>;
}
