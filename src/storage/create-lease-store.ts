import { KeyvPostgres } from '@keyv/postgres';
import KeyvRedis from '@keyv/redis';
import type { KeyvStoreAdapter } from 'keyv';
import type { Clock } from '../clock.ts';
import type { LeaseStore } from '../scheduler/lease-store.ts';
import { createPostgresLeaseStore } from './create-postgres-lease-store.ts';
import { createRedisLeaseStore } from './create-redis-lease-store.ts';
import { createSqliteLeaseStore } from './create-sqlite-lease-store.ts';
import { SqliteKeyvStore } from './sqlite-keyv-store.ts';

export interface LeaseStoreOptions {
  clock: Clock;
  /** Table (SQL) or key prefix (Redis) of the leases; tests use their own. */
  table?: string | undefined;
}

/**
 * The lease store that matches a store's adapter, borrowing its connection (SQLite database,
 * Redis client, PostgreSQL pool) so leases live where the rest of the shared state lives.
 */
export function createLeaseStore(adapter: KeyvStoreAdapter, options: LeaseStoreOptions): LeaseStore {
  if (adapter instanceof SqliteKeyvStore) return createSqliteLeaseStore({ db: adapter.db, ...options });
  if (adapter instanceof KeyvRedis)
    return createRedisLeaseStore({ client: () => adapter.getClient(), ...options });
  if (adapter instanceof KeyvPostgres) {
    return createPostgresLeaseStore({ query: (sql, values) => adapter.query(sql, values), ...options });
  }
  throw new TypeError('leases are not supported by this storage adapter');
}
