import type { DatabaseSync } from 'node:sqlite';
import type { Clock } from '../clock.ts';
import type { LeaseStore } from '../scheduler/lease-store.ts';
import { checkLeaseTtl, leaseStoreUnavailable, leaseTable } from './lease-names.ts';

export interface SqliteLeaseStoreOptions {
  /** The store's database: leases share its file, so replicas on that file share them. */
  db: DatabaseSync;
  clock: Clock;
  table?: string | undefined;
}

/** Leases in a table of the SQLite database; one upsert decides, atomically, who holds one. */
export function createSqliteLeaseStore(options: SqliteLeaseStoreOptions): LeaseStore {
  const { db, clock } = options;
  const table = leaseTable(options.table);
  db.exec(
    `CREATE TABLE IF NOT EXISTS ${table} (
       name TEXT PRIMARY KEY, owner TEXT NOT NULL, expires_at INTEGER NOT NULL) STRICT`,
  );
  // The WHERE of DO UPDATE leaves a live lease of another owner untouched: then no row changes.
  const acquire = db.prepare(
    `INSERT INTO ${table} (name, owner, expires_at) VALUES (?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
     WHERE ${table}.expires_at <= ? OR ${table}.owner = excluded.owner`,
  );
  const release = db.prepare(`DELETE FROM ${table} WHERE name = ? AND owner = ?`);
  const guarded = <T>(work: () => T): T => {
    try {
      return work();
    } catch (error) {
      throw leaseStoreUnavailable(error, 'sqlite');
    }
  };
  return {
    async acquire(name, owner, ttlMs) {
      checkLeaseTtl(ttlMs);
      const now = clock.now();
      return guarded(() => Number(acquire.run(name, owner, now + ttlMs, now).changes) === 1);
    },
    async release(name, owner) {
      guarded(() => release.run(name, owner));
    },
  };
}
