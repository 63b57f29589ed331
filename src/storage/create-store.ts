import { Keyv, type KeyvStoreAdapter } from 'keyv';
import { BotError } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { ChangeNotices } from '../rules/change-notices.ts';
import type { LeaseStore } from '../scheduler/lease-store.ts';
import { createErrorSink } from './create-error-sink.ts';
import { createLeaseStore, type LeaseStoreOptions } from './create-lease-store.ts';
import { openPostgresBackend } from './open-postgres-backend.ts';
import { openRedisBackend } from './open-redis-backend.ts';
import { openSqliteBackend } from './open-sqlite-backend.ts';
import { parseStoreUrl, type StoreKind, type StoreLocation } from './parse-store-url.ts';
import type { Durability, StoreBackend, StoreErrorSink } from './store-backend.ts';
import { withTimeout } from './with-timeout.ts';

export interface Store {
  readonly kind: StoreKind;
  /** Path of the SQLite file when kind is 'sqlite' (the embedded queue shares it). */
  readonly sqlitePath: string | undefined;
  /**
   * A Keyv instance whose keys live under `namespace` (e.g. 'secrets', 'rules', 'cards'). It throws
   * on storage failures rather than answering "missing". A namespace keeps the durability it was
   * first opened with (default `commit`); asking again for another one is a programming error.
   */
  keyv(namespace: string, options?: KeyvOptions): Keyv;
  /** Run-once leases for the scheduler, on this store's connection (a table, or Redis keys). */
  leases(options: LeaseStoreOptions): LeaseStore;
  /**
   * Change notices on `channel` (same syntax as a namespace) between every replica on this store:
   * Redis pub/sub, PostgreSQL LISTEN/NOTIFY, or in-process on SQLite. The subscriber connection
   * is opened on the first subscription, and close() ends it.
   */
  changes(channel: string): ChangeNotices;
  /** Resolves when storage answers; rejects with BotError('store_unavailable') otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface KeyvOptions {
  durability?: Durability;
}

export interface CreateStoreOptions {
  url: string;
  log: Logger;
  pingTimeoutMs?: number;
}

/** Letters, digits, '.' and '-': no ':' (keyv's separator) and nothing LIKE or SCAN would expand. */
const NAMESPACE = /^[A-Za-z0-9][A-Za-z0-9.-]{0,63}$/;

/** Before every change channel: the server's channels are shared with whatever else uses it. */
const CHANGES_PREFIX = 'sekoia-chatops.changes.';

/** The adapter whose connection the leases borrow (they never read or write its keyv keys). */
const LEASE_NAMESPACE = 'scheduler-leases';

export async function createStore(options: CreateStoreOptions): Promise<Store> {
  const location = parseStoreUrl(options.url);
  const log = options.log.child({ store: location.kind });
  const onError = createErrorSink(log);
  const backend = openBackend(location, onError);
  const pingTimeoutMs = options.pingTimeoutMs ?? 2_000;
  const keyvs = new Map<string, { keyv: Keyv; durability: Durability }>();
  let leaseAdapter: KeyvStoreAdapter | undefined;
  let closing: Promise<void> | undefined;
  log.info({ url: location.safeUrl }, 'store opened');

  const unavailable = (cause: unknown, message = 'store did not answer') =>
    new BotError('store_unavailable', { message, cause, details: { kind: backend.kind } });

  return {
    kind: backend.kind,
    sqlitePath: backend.sqlitePath,
    keyv(namespace, keyvOptions = {}) {
      if (closing) throw unavailable(undefined, 'store is closed');
      if (!NAMESPACE.test(namespace)) throw new TypeError(`invalid store namespace: ${namespace}`);
      const known = keyvs.get(namespace);
      if (known !== undefined) {
        const asked = keyvOptions.durability;
        if (asked !== undefined && asked !== known.durability)
          throw new TypeError(
            `store namespace ${namespace} is already open with durability ${known.durability}`,
          );
        return known.keyv;
      }
      const durability = keyvOptions.durability ?? 'commit';
      const store = backend.createAdapter(namespace, durability);
      const keyv = new Keyv({ store, namespace, useKeyPrefix: backend.useKeyPrefix, throwOnErrors: true });
      keyv.on('error', (error: unknown) => onError(error, namespace));
      keyvs.set(namespace, { keyv, durability });
      return keyv;
    },
    leases(leaseOptions) {
      if (closing) throw unavailable(undefined, 'store is closed');
      if (leaseAdapter === undefined) {
        leaseAdapter = backend.createAdapter(LEASE_NAMESPACE, 'commit');
        leaseAdapter.on('error', (error: unknown) => onError(error, LEASE_NAMESPACE));
      }
      return createLeaseStore(leaseAdapter, leaseOptions);
    },
    changes(channel) {
      if (!NAMESPACE.test(channel)) throw new TypeError(`invalid change channel: ${channel}`);
      const name = `${CHANGES_PREFIX}${channel}`;
      return {
        publish: async () => {
          if (closing) throw unavailable(undefined, 'store is closed');
          await backend.notices.publish(name);
        },
        subscribe: (listener) => backend.notices.subscribe(name, listener),
      };
    },
    async ping() {
      if (closing) throw unavailable(undefined, 'store is closed');
      const timedOut = () => unavailable(undefined, `store did not answer within ${pingTimeoutMs} ms`);
      await withTimeout(backend.probe(), pingTimeoutMs, timedOut).catch((error: unknown) => {
        throw error instanceof BotError ? error : unavailable(error);
      });
    },
    close() {
      closing ??= backend.close().then(() => log.info('store closed'));
      return closing;
    },
  };
}

function openBackend(location: StoreLocation, onError: StoreErrorSink): StoreBackend {
  try {
    if (location.kind === 'sqlite') return openSqliteBackend({ path: location.path, onError });
    if (location.kind === 'redis') return openRedisBackend({ url: location.url, onError });
    return openPostgresBackend({ url: location.url, onError });
  } catch (cause) {
    throw new BotError('store_unavailable', {
      message: 'store could not be opened',
      cause,
      details: { kind: location.kind, url: location.safeUrl },
    });
  }
}
