import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isBotError } from '../../src/errors.ts';
import { createStore } from '../../src/storage/create-store.ts';
import type { SqliteKeyvStore } from '../../src/storage/sqlite-keyv-store.ts';
import { captureLog } from './capture-log.ts';
import { describeStoreContract } from './describe-store-contract.ts';

const dir = mkdtempSync(join(tmpdir(), 'create-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeStoreContract(`sqlite://${join(dir, 'contract.sqlite')}`, 'sqlite');
describeStoreContract('sqlite://:memory:', 'sqlite');

describe('createStore with sqlite', () => {
  it('resolves a relative path against the working directory and exposes it for the queue', async () => {
    const wanted = join(dir, 'data', 'bot.sqlite');
    const store = await createStore({
      url: `sqlite://./${relative(process.cwd(), wanted)}`,
      log: captureLog().log,
    });
    expect(store.sqlitePath).toBe(wanted);
    await store.keyv('secrets').set('webhook', 'abc');
    await store.close();

    const reopened = await createStore({ url: `sqlite://${wanted}`, log: captureLog().log });
    expect(await reopened.keyv('secrets').get('webhook')).toBe('abc');
    await reopened.close();
  });

  it('writes a namespace that asks only to survive the process without an fsync per commit, in the same file', async () => {
    const path = join(dir, 'durability.sqlite');
    const store = await createStore({ url: `sqlite://${path}`, log: captureLog().log });
    const synchronous = (namespace: string) => {
      const adapter = store.keyv(namespace).store as SqliteKeyvStore;
      return Object.values(adapter.db.prepare('PRAGMA synchronous').get() ?? {})[0];
    };
    const cards = store.keyv('cards', { durability: 'process' });
    await cards.set('card:a1', { messageId: 'p1' });
    await store.keyv('rules').set('r1', 'kept');
    // NORMAL (1) for the cards, FULL (2) for the rest; both connections share the one WAL file.
    expect(synchronous('cards')).toBe(1);
    expect(synchronous('rules')).toBe(2);
    expect(() => store.keyv('cards', { durability: 'commit' })).toThrow(
      /already open with durability process/,
    );
    await store.close();

    const reopened = await createStore({ url: `sqlite://${path}`, log: captureLog().log });
    expect(await reopened.keyv('cards').get('card:a1')).toEqual({ messageId: 'p1' });
    expect(await reopened.keyv('rules').get('r1')).toBe('kept');
    await reopened.close();
  });

  it('reports an in-memory store with the :memory: path', async () => {
    const store = await createStore({ url: 'sqlite://:memory:', log: captureLog().log });
    expect(store.sqlitePath).toBe(':memory:');
    await store.close();
  });

  it('refuses an unsupported URL before opening anything', async () => {
    const error = await createStore({ url: 'mysql://db/x', log: captureLog().log }).catch((e: unknown) => e);
    expect(isBotError(error, 'store_url_unsupported')).toBe(true);
  });

  it('turns a file it cannot open into store_unavailable', async () => {
    const error = await createStore({ url: `sqlite://${dir}`, log: captureLog().log }).catch(
      (e: unknown) => e,
    );
    expect(isBotError(error, 'store_unavailable')).toBe(true);
  });
});
