import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../../src/sqlite/open-sqlite.ts';

describe('openSqlite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'open-sqlite-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const pragma = (db: ReturnType<typeof openSqlite>, name: string) =>
    Object.values(db.prepare(`PRAGMA ${name}`).get() ?? {})[0];

  it('creates missing parent folders and turns on WAL, FULL sync, a busy timeout and foreign keys', () => {
    const path = join(dir, 'nested', 'deeper', 'bot.sqlite');
    const db = openSqlite(path);
    expect(existsSync(path)).toBe(true);
    expect(pragma(db, 'journal_mode')).toBe('wal');
    expect(pragma(db, 'synchronous')).toBe(2);
    expect(pragma(db, 'busy_timeout')).toBe(5000);
    expect(pragma(db, 'foreign_keys')).toBe(1);
    db.close();
  });

  it('accepts a path relative to the working directory', () => {
    const path = relative(process.cwd(), join(dir, 'rel', 'bot.sqlite'));
    const db = openSqlite(path);
    expect(existsSync(join(dir, 'rel', 'bot.sqlite'))).toBe(true);
    db.close();
  });

  it('opens an in-memory database without touching the disk', () => {
    const db = openSqlite(':memory:');
    expect(db.prepare('SELECT 1 AS one').get()).toEqual({ one: 1 });
    expect(existsSync(':memory:')).toBe(false);
    db.close();
  });
});
