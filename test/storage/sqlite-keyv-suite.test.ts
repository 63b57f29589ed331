import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import keyvTestSuite, { keyvIteratorTests } from '@keyv/test-suite';
import Keyv from 'keyv';
import * as test from 'vitest';
import { openSqlite } from '../../src/sqlite/open-sqlite.ts';
import { SqliteKeyvStore } from '../../src/storage/sqlite-keyv-store.ts';

// keyv's own adapter contract; every store() call must see the same data, hence one shared db.
test.describe('keyv test suite on node:sqlite, file database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'keyv-sqlite-'));
  const db: DatabaseSync = openSqlite(join(dir, 'suite.sqlite'));
  const store = () => new SqliteKeyvStore({ db });
  test.afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  test.it('runs on the WAL database the bot uses', () => {
    test.expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
  });
  keyvTestSuite(test, Keyv, store);
  keyvIteratorTests(test, Keyv, store);
});

test.describe('keyv test suite on node:sqlite, :memory:', () => {
  const db: DatabaseSync = openSqlite(':memory:');
  const store = () => new SqliteKeyvStore({ db, table: 'memory_keyv', iterationLimit: 2 });
  test.afterAll(() => db.close());
  keyvTestSuite(test, Keyv, store);
  keyvIteratorTests(test, Keyv, store);
});
