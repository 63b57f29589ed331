import { Keyv } from 'keyv';
import { BotError } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { ChangeNotices } from '../rules/change-notices.ts';
import type { LeaseStore } from '../scheduler/lease-store.ts';
import { createErrorSink } from './create-error-sink.ts';
import { parseStoreUrl, type StoreKind, type StoreLocation } from './parse-store-url.ts';
import type { Durability, LeaseStoreOptions, StoreBackend, StoreErrorSink } from './store-backend.ts';
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

export async function createStore(options: CreateStoreOptions): Promise<Store> {
  const location = parseStoreUrl(options.url);
  const log = options.log.child({ store: location.kind });
  const onError = createErrorSink(log);
  const backend = await openBackend(location, onError);
  const pingTimeoutMs = options.pingTimeoutMs ?? 2_000;
  const keyvs = new Map<string, { keyv: Keyv; durability: Durability }>();
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
      return backend.leases(leaseOptions);
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

/**
 * Only the chosen backend's module is loaded: the Redis and PostgreSQL clients weigh some 30 MB of
 * memory and a quarter of a second of start that a bot on SQLite never uses (BENCHMARKS.md).
 */
async function openBackend(location: StoreLocation, onError: StoreErrorSink): Promise<StoreBackend> {
  try {
    if (location.kind === 'sqlite') {
      const { openSqliteBackend } = await import('./open-sqlite-backend.ts');
      return openSqliteBackend({ path: location.path, onError });
    }
    if (location.kind === 'redis') {
      const { openRedisBackend } = await import('./open-redis-backend.ts');
      return openRedisBackend({ url: location.url, onError });
    }
    const { openPostgresBackend } = await import('./open-postgres-backend.ts');
    return openPostgresBackend({ url: location.url, onError });
  } catch (cause) {
    throw new BotError('store_unavailable', {
      message: 'store could not be opened',
      cause,
      details: { kind: location.kind, url: location.safeUrl },
    });
  }
}
