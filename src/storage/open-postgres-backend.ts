import { EventEmitter } from 'node:events';
import { KeyvPostgres } from '@keyv/postgres';
import { createPostgresLeaseStore } from './create-postgres-lease-store.ts';
import { createPostgresNoticeHub } from './create-postgres-notice-hub.ts';
import type { StoreBackend, StoreErrorSink } from './store-backend.ts';

const CONNECT_TIMEOUT_MS = 2_000;
const PROBE_NAMESPACE = 'store-health';

/**
 * @keyv/postgres keeps ONE pg.Pool per process, keyed by URI and shared by every KeyvPostgres,
 * and any adapter's disconnect() ends it: so the adapters share it, and the last backend of the
 * process to close ends it (two replicas in one test process share it).
 */
let openBackends = 0;

export function openPostgresBackend(options: { url: string; onError: StoreErrorSink }): StoreBackend {
  const listened = new WeakSet<EventEmitter>();
  // The pool is private to @keyv/postgres, but pg-pool calls its `log` option as a method of the
  // pool: that hands us the pool so its 'error' (an idle client dropped by the server) is heard.
  function log(this: unknown): void {
    if (this instanceof EventEmitter && !listened.has(this)) {
      listened.add(this);
      this.on('error', (error: unknown) => options.onError(error));
    }
  }
  const createAdapter = (namespace: string) => {
    const adapter = new KeyvPostgres({ uri: options.url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, log });
    adapter.namespace = namespace;
    // Its has() ignores TTL (the table has no expiry column); without it keyv reads and checks expiry.
    Object.defineProperty(adapter, 'has', { value: undefined });
    return adapter;
  };
  // Created at once: its table creation may fail before any Keyv listens, and it is the probe.
  const probe = createAdapter(PROBE_NAMESPACE);
  probe.on('error', (error: unknown) => options.onError(error));
  const notices = createPostgresNoticeHub({
    url: options.url,
    // The probe's query runs on the shared pool, once its table exists.
    query: (sql, values) => probe.query(sql, values),
    onError: (error) => options.onError(error),
    connectTimeoutMs: CONNECT_TIMEOUT_MS,
  });
  let ended = false;
  openBackends += 1;
  return {
    kind: 'postgres',
    sqlitePath: undefined,
    useKeyPrefix: true,
    createAdapter,
    notices,
    leases: (leaseOptions) =>
      createPostgresLeaseStore({ query: (sql, values) => probe.query(sql, values), ...leaseOptions }),
    probe: async () => {
      await probe.get(`${PROBE_NAMESPACE}:ping`);
    },
    close: async () => {
      if (ended) return;
      ended = true;
      // Counted before waiting: of two closing at once, exactly one is the last.
      openBackends -= 1;
      const last = openBackends === 0;
      await notices.close();
      if (last) await probe.disconnect();
    },
  };
}
