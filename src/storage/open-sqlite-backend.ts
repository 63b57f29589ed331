import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { openSqlite, SQLITE_MEMORY } from '../sqlite/open-sqlite.ts';
import { createLocalNoticeHub } from './create-local-notice-hub.ts';
import { createSqliteLeaseStore } from './create-sqlite-lease-store.ts';
import { SqliteKeyvStore } from './sqlite-keyv-store.ts';
import type { StoreBackend, StoreErrorSink } from './store-backend.ts';

/**
 * One DatabaseSync shared by every namespace whose writes must reach the disk, and a second
 * connection to the same file, synchronous=NORMAL, for the namespaces that ask only to survive the
 * process (`durability: 'process'`), opened on first use. The adapters borrow them; close() closes
 * both. In memory there is one database, so one connection.
 */
export function openSqliteBackend(options: { path: string; onError: StoreErrorSink }): StoreBackend {
  const db = openSqlite(options.path);
  let relaxed: DatabaseSync | undefined;
  const relaxedDb = () => {
    if (options.path === SQLITE_MEMORY) return db;
    relaxed ??= openSqlite(options.path, { synchronous: 'NORMAL' });
    return relaxed;
  };
  // Each in-memory database is private to its connection: its notices are too.
  const database = options.path === SQLITE_MEMORY ? `memory:${randomUUID()}` : resolve(options.path);
  const notices = createLocalNoticeHub(database, (error) => options.onError(error));
  return {
    kind: 'sqlite',
    sqlitePath: options.path,
    useKeyPrefix: true,
    notices,
    createAdapter: (namespace, durability) =>
      new SqliteKeyvStore({ db: durability === 'process' ? relaxedDb() : db, namespace }),
    leases: (leaseOptions) => createSqliteLeaseStore({ db, ...leaseOptions }),
    probe: async () => {
      db.prepare('SELECT 1').get();
    },
    close: async () => {
      await notices.close();
      if (relaxed?.isOpen) relaxed.close();
      if (db.isOpen) db.close();
    },
  };
}
