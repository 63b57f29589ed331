import type { Clock } from '../clock.ts';
import type { LeaseStore } from '../scheduler/lease-store.ts';
import { checkLeaseTtl, leaseStoreUnavailable, leaseTable } from './lease-names.ts';
import { withTimeout } from './with-timeout.ts';

/** Runs one parameterised statement on the store's pool and returns its rows. */
export type SqlQuery = (sql: string, values?: unknown[]) => Promise<unknown[]>;

export interface PostgresLeaseStoreOptions {
  query: SqlQuery;
  clock: Clock;
  table?: string | undefined;
  timeoutMs?: number;
}

/** Another session created the same table at the same moment: it exists, which is all we want. */
const CONCURRENT_CREATE = new Set(['23505', '42P07']);

/** Leases in a PostgreSQL table; INSERT … ON CONFLICT DO UPDATE … WHERE decides atomically. */
export function createPostgresLeaseStore(options: PostgresLeaseStoreOptions): LeaseStore {
  const table = leaseTable(options.table);
  const timeoutMs = options.timeoutMs ?? 5_000;
  let ready: Promise<void> | undefined;
  const createTable = () =>
    options
      .query(
        `CREATE TABLE IF NOT EXISTS ${table} (
           name TEXT PRIMARY KEY, owner TEXT NOT NULL, expires_at BIGINT NOT NULL)`,
      )
      .then(
        () => undefined,
        (error: unknown) => {
          if (!CONCURRENT_CREATE.has(codeOf(error))) throw error;
        },
      );
  const run = async (sql: string, values: unknown[]): Promise<unknown[]> => {
    const work = (async () => {
      ready ??= createTable().catch((error: unknown) => {
        ready = undefined;
        throw error;
      });
      await ready;
      return options.query(sql, values);
    })();
    const timedOut = () => new Error(`postgres did not answer within ${timeoutMs} ms`);
    return withTimeout(work, timeoutMs, timedOut).catch((error: unknown) => {
      throw leaseStoreUnavailable(error, 'postgres');
    });
  };
  return {
    async acquire(name, owner, ttlMs) {
      checkLeaseTtl(ttlMs);
      const now = options.clock.now();
      const rows = await run(
        `INSERT INTO ${table} AS lease (name, owner, expires_at) VALUES ($1, $2, $3)
         ON CONFLICT (name) DO UPDATE SET owner = EXCLUDED.owner, expires_at = EXCLUDED.expires_at
         WHERE lease.expires_at <= $4 OR lease.owner = EXCLUDED.owner
         RETURNING owner`,
        [name, owner, now + ttlMs, now],
      );
      return rows.length === 1;
    },
    async release(name, owner) {
      await run(`DELETE FROM ${table} WHERE name = $1 AND owner = $2`, [name, owner]);
    },
  };
}

function codeOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : '';
}
