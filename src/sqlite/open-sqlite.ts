import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

export const SQLITE_MEMORY = ':memory:';

/**
 * Opens (creating if needed) an SQLite database tuned for a single-process server: WAL so readers
 * never wait for the writer, synchronous=FULL because an event answered 2xx must survive a crash
 * (callers group their commits to pay the fsync once per batch).
 */
export function openSqlite(path: string): DatabaseSync {
  if (path !== SQLITE_MEMORY) mkdirSync(dirname(resolve(path)), { recursive: true });
  const db = new DatabaseSync(path);
  db.exec('PRAGMA journal_mode=WAL');
  db.exec('PRAGMA synchronous=FULL');
  db.exec('PRAGMA busy_timeout=5000');
  db.exec('PRAGMA foreign_keys=ON');
  return db;
}
