import { openSqlite } from '../sqlite/open-sqlite.ts';
import { SqliteKeyvStore } from './sqlite-keyv-store.ts';
import type { StoreBackend } from './store-backend.ts';

/** One DatabaseSync shared by every namespace; the adapters borrow it and close() closes it. */
export function openSqliteBackend(options: { path: string }): StoreBackend {
  const db = openSqlite(options.path);
  return {
    kind: 'sqlite',
    sqlitePath: options.path,
    useKeyPrefix: true,
    createAdapter: (namespace) => new SqliteKeyvStore({ db, namespace }),
    probe: async () => {
      db.prepare('SELECT 1').get();
    },
    close: async () => {
      if (db.isOpen) db.close();
    },
  };
}
