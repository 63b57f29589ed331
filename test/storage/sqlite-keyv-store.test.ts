import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Keyv from 'keyv';
import { afterAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock.ts';
import { openSqlite } from '../../src/sqlite/open-sqlite.ts';
import { SqliteKeyvStore } from '../../src/storage/sqlite-keyv-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'sqlite-keyv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const freshPath = () => join(dir, `store-${++files}.sqlite`);

async function collect(iterator: AsyncGenerator<unknown>): Promise<unknown[]> {
  const entries: unknown[] = [];
  for await (const entry of iterator) entries.push(entry);
  return entries;
}

describe('SqliteKeyvStore', () => {
  it('keeps values across a close and reopen of the same file', async () => {
    const path = freshPath();
    const first = new Keyv({ store: new SqliteKeyvStore({ path }), namespace: 'secrets' });
    await first.set('webhook', { secret: 's3cr3t' });
    await first.disconnect();

    const second = new Keyv({ store: new SqliteKeyvStore({ path }), namespace: 'secrets' });
    expect(await second.get('webhook')).toEqual({ secret: 's3cr3t' });
    await second.disconnect();
  });

  it('writes in WAL mode', () => {
    const store = new SqliteKeyvStore({ path: freshPath() });
    expect(store.db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    void store.disconnect();
  });

  it('expires a key after its TTL, for get, getMany, has and iterator alike', async () => {
    const clock = createManualClock();
    const store = new SqliteKeyvStore({ clock });
    await store.set('ns:short', 'a', 1_000);
    await store.set('ns:forever', 'b');
    expect(await store.get('ns:short')).toBe('a');

    clock.advance(1_001);
    expect(await store.get('ns:short')).toBeUndefined();
    expect(await store.getMany(['ns:short', 'ns:forever'])).toEqual([undefined, 'b']);
    expect(await store.has('ns:short')).toBe(false);
    expect(await collect(store.iterator('ns'))).toEqual([['ns:forever', 'b']]);
    expect(store.deleteExpired()).toBe(1);
    expect(store.deleteExpired()).toBe(0);
  });

  it('inserts only where no live value is: an expired one counts as absent', async () => {
    const clock = createManualClock();
    const store = new SqliteKeyvStore({ clock });
    expect(store.insertIfAbsent('ns:k', 'first')).toBe(true);
    expect(store.insertIfAbsent('ns:k', 'second')).toBe(false);
    expect(await store.get('ns:k')).toBe('first');
    await store.set('ns:short', 'old', 1_000);
    expect(store.insertIfAbsent('ns:short', 'new')).toBe(false);
    clock.advance(1_000);
    expect(store.insertIfAbsent('ns:short', 'new')).toBe(true);
    clock.advance(1_000_000);
    // What it inserts never expires.
    expect(await store.get('ns:short')).toBe('new');
    void store.disconnect();
  });

  it('clears only its own namespace, case-sensitively', async () => {
    const db = openSqlite(':memory:');
    const rules = new Keyv({ store: new SqliteKeyvStore({ db }), namespace: 'rules' });
    const upper = new Keyv({ store: new SqliteKeyvStore({ db }), namespace: 'Rules' });
    const longer = new Keyv({ store: new SqliteKeyvStore({ db }), namespace: 'rules2' });
    await Promise.all([rules.set('k', 1), upper.set('k', 2), longer.set('k', 3)]);

    await rules.clear();
    expect([await rules.get('k'), await upper.get('k'), await longer.get('k')]).toEqual([undefined, 2, 3]);
    db.close();
  });

  it('stores hostile keys verbatim and never treats them as patterns', async () => {
    const db = openSqlite(':memory:');
    const hostile = ['100%', 'a_b', 'back\\slash', "it's", '%', '_', "'; DROP TABLE keyv; --", 'ns:%'];
    const keyv = new Keyv({ store: new SqliteKeyvStore({ db }), namespace: '%_\\' });
    const other = new Keyv({ store: new SqliteKeyvStore({ db }), namespace: 'x_y' });
    for (const key of hostile) await keyv.set(key, `value of ${key}`);
    await other.set('bystander', true);

    for (const key of hostile) expect(await keyv.get(key)).toBe(`value of ${key}`);
    expect(await keyv.get('a%b')).toBeUndefined();
    const iterated = await collect(keyv.iterator?.(undefined) ?? (async function* () {})());
    expect(new Set(iterated.map((entry) => (entry as string[])[0]))).toEqual(new Set(hostile));
    await keyv.clear();
    expect(await other.get('bystander')).toBe(true);
    expect(await keyv.get('100%')).toBeUndefined();
    db.close();
  });

  it('pages through many keys in order without skipping any', async () => {
    const store = new SqliteKeyvStore({ iterationLimit: 3 });
    await store.setMany(Array.from({ length: 10 }, (_, i) => ({ key: `ns:${i}`, value: `v${i}` })));
    await store.set('other:x', 'not mine');
    const keys = (await collect(store.iterator('ns'))).map((entry) => (entry as string[])[0]);
    expect(keys).toEqual(Array.from({ length: 10 }, (_, i) => `ns:${i}`));
  });

  it('writes setMany all or nothing', async () => {
    const store = new SqliteKeyvStore();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await expect(
      store.setMany([
        { key: 'a', value: 'first' },
        { key: 'b', value: cyclic },
      ]),
    ).rejects.toThrow(TypeError);
    expect(await store.get('a')).toBeUndefined();
    expect(store.db.isTransaction).toBe(false);
  });

  it('reports whether delete and deleteMany removed anything', async () => {
    const store = new SqliteKeyvStore();
    await store.set('a', '1');
    expect(await store.delete('a')).toBe(true);
    expect(await store.delete('a')).toBe(false);
    await store.setMany([
      { key: 'b', value: '2' },
      { key: 'c', value: '3' },
    ]);
    expect(await store.deleteMany(['b', 'missing'])).toBe(true);
    expect(await store.deleteMany(['b', 'missing'])).toBe(false);
    expect(await store.get('c')).toBe('3');
  });

  it('rejects a table name that is not a plain identifier', () => {
    expect(() => new SqliteKeyvStore({ table: 'keyv; DROP TABLE x' })).toThrow(/invalid SQLite table name/);
    expect(() => new SqliteKeyvStore({ table: '1abc' })).toThrow(/invalid SQLite table name/);
  });

  it('leaves a borrowed database open on disconnect and closes one it opened', async () => {
    const db = openSqlite(':memory:');
    await new SqliteKeyvStore({ db }).disconnect();
    expect(db.isOpen).toBe(true);
    db.close();
    const owned = new SqliteKeyvStore({ path: freshPath() });
    await owned.disconnect();
    expect(owned.db.isOpen).toBe(false);
  });
});
