import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

export const SQLITE_MEMORY = ':memory:';

/**
 * How a connection's commits reach the disk. FULL: each commit is fsync'd, it survives a power loss.
 * NORMAL (in WAL mode): a commit is in the OS's hands when it returns, so it survives the process's
 * crash, not an OS crash or a power loss (the WAL is fsync'd at checkpoints only), and costs no fsync.
 */
export type SqliteSync = 'FULL' | 'NORMAL';

/**
 * Opens (creating if needed) an SQLite database tuned for a single-process server: WAL so readers
 * never wait for the writer, synchronous=FULL by default because an event answered 2xx must survive
 * a crash (callers group their commits to pay the fsync once per batch). `synchronous` is a setting
 * of the connection: another connection to the same file may choose NORMAL for its own writes.
 */
export function openSqlite(path: string, options: { synchronous?: SqliteSync } = {}): DatabaseSync {
  if (path !== SQLITE_MEMORY) mkdirSync(dirname(resolve(path)), { recursive: true });
  const db = new DatabaseSync(path);
  db.exec('PRAGMA journal_mode=WAL');
  db.exec(`PRAGMA synchronous=${options.synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
  db.exec('PRAGMA busy_timeout=5000');
  db.exec('PRAGMA foreign_keys=ON');
  return db;
}
