import type { DatabaseSync, StatementSync } from 'node:sqlite';

const TABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Every statement the SQLite keyv adapter runs; values are always bound, never interpolated. */
export interface KeyvStatements {
  get: StatementSync;
  getMany: StatementSync;
  set: StatementSync;
  insert: StatementSync;
  delete: StatementSync;
  deleteMany: StatementSync;
  deleteRange: StatementSync;
  deleteAll: StatementSync;
  deleteExpired: StatementSync;
  has: StatementSync;
  page: StatementSync;
}

/** Creates the table if missing and prepares its statements (the table name is the only identifier). */
export function prepareKeyvStatements(db: DatabaseSync, table: string): KeyvStatements {
  if (!TABLE_NAME.test(table)) throw new TypeError(`invalid SQLite table name: ${JSON.stringify(table)}`);
  const t = `"${table}"`;
  db.exec(`CREATE TABLE IF NOT EXISTS ${t} (key TEXT PRIMARY KEY, value TEXT, expires INTEGER NULL)`);
  db.exec(`CREATE INDEX IF NOT EXISTS "${table}_expires" ON ${t} (expires) WHERE expires IS NOT NULL`);
  const live = '(expires IS NULL OR expires > ?)';
  const inList = 'key IN (SELECT value FROM json_each(?))';
  return {
    get: db.prepare(`SELECT value FROM ${t} WHERE key = ? AND ${live}`),
    getMany: db.prepare(`SELECT key, value FROM ${t} WHERE ${inList} AND ${live}`),
    set: db.prepare(
      `INSERT INTO ${t} (key, value, expires) VALUES (?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET value = excluded.value, expires = excluded.expires`,
    ),
    // Writes only where no live value is: an expired row counts as absent, as get() sees it.
    insert: db.prepare(
      `INSERT INTO ${t} (key, value, expires) VALUES (?1, ?2, NULL)
       ON CONFLICT(key) DO UPDATE SET value = excluded.value, expires = excluded.expires
       WHERE ${t}.expires IS NOT NULL AND ${t}.expires <= ?3`,
    ),
    delete: db.prepare(`DELETE FROM ${t} WHERE key = ?`),
    deleteMany: db.prepare(`DELETE FROM ${t} WHERE ${inList}`),
    deleteRange: db.prepare(`DELETE FROM ${t} WHERE key >= ? AND key < ?`),
    deleteAll: db.prepare(`DELETE FROM ${t}`),
    deleteExpired: db.prepare(`DELETE FROM ${t} WHERE expires IS NOT NULL AND expires <= ?`),
    has: db.prepare(`SELECT 1 AS found FROM ${t} WHERE key = ? AND ${live}`),
    // Keyset pagination: stable even when the caller deletes rows between pages.
    page: db.prepare(
      `SELECT key, value FROM ${t} WHERE key >= ?1 AND (?2 IS NULL OR key < ?2) AND (?3 IS NULL OR key > ?3)
       AND (expires IS NULL OR expires > ?4) ORDER BY key LIMIT ?5`,
    ),
  };
}
