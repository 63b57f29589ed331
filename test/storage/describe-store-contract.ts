import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isBotError } from '../../src/errors.ts';
import { createStore, type Store } from '../../src/storage/create-store.ts';
import { captureLog, uniqueNamespace } from './capture-log.ts';

/** Behaviour every STORE_URL backend must show through createStore(); each test opens its own store. */
export function describeStoreContract(url: string, kind: Store['kind']): void {
  describe(`createStore(${url}) contract`, () => {
    let store: Store;
    let used: string[];
    /** A fresh namespace, emptied after the test so shared servers keep no leftovers. */
    const ns = (label: string) => {
      const name = uniqueNamespace(label);
      used.push(name);
      return name;
    };
    beforeEach(async () => {
      used = [];
      store = await createStore({ url, log: captureLog().log });
    });
    afterEach(async () => {
      vi.useRealTimers();
      await store.close();
      const cleaner = await createStore({ url, log: captureLog().log });
      for (const name of used) await cleaner.keyv(name).clear();
      await cleaner.close();
    });

    it('reports its kind and answers ping', async () => {
      expect(store.kind).toBe(kind);
      await expect(store.ping()).resolves.toBeUndefined();
    });

    it('sets, gets and deletes values', async () => {
      const keyv = store.keyv(ns('crud'));
      expect(await keyv.set('alert:ALxyz', { urgency: 80, tags: ['a'] })).toBe(true);
      expect(await keyv.get('alert:ALxyz')).toEqual({ urgency: 80, tags: ['a'] });
      expect(await keyv.delete('alert:ALxyz')).toBe(true);
      expect(await keyv.get('alert:ALxyz')).toBeUndefined();
    });

    it('hands out one Keyv per namespace', () => {
      const name = ns('cache');
      expect(store.keyv(name)).toBe(store.keyv(name));
      expect(store.keyv(name)).not.toBe(store.keyv(ns('other')));
    });

    it('keeps namespaces apart, clear() included', async () => {
      const rules = store.keyv(ns('rules'));
      const cards = store.keyv(ns('cards'));
      await rules.set('same-key', 'rule');
      await cards.set('same-key', 'card');
      expect([await rules.get('same-key'), await cards.get('same-key')]).toEqual(['rule', 'card']);
      await rules.clear();
      expect([await rules.get('same-key'), await cards.get('same-key')]).toEqual([undefined, 'card']);
    });

    it('iterates over its own namespace only', async () => {
      const mine = store.keyv(ns('mine'));
      await store.keyv(ns('theirs')).set('x', 'not mine');
      await mine.setMany([
        { key: 'a', value: 1 },
        { key: 'b:c', value: 2 },
      ]);
      const entries: Array<[string, unknown]> = [];
      for await (const entry of mine.iterator?.(undefined) ?? []) entries.push(entry as [string, unknown]);
      expect(entries.sort()).toEqual([
        ['a', 1],
        ['b:c', 2],
      ]);
    });

    it('forgets a value once its TTL has passed', async () => {
      const keyv = store.keyv(ns('ttl'));
      vi.useFakeTimers({ toFake: ['Date'] });
      await keyv.set('mute', true, 60_000);
      await keyv.set('keep', true);
      vi.setSystemTime(Date.now() + 60_001);
      expect(await keyv.get('mute')).toBeUndefined();
      expect(await keyv.get('keep')).toBe(true);
    });

    it('answers has() false once a TTL has really elapsed', async () => {
      const keyv = store.keyv(ns('has-ttl'));
      await keyv.get('warm-up'); // the first call may open a connection, slower than the TTL
      await keyv.set('short', 'x', 200);
      await keyv.set('long', 'y');
      expect(await keyv.has('short')).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect([await keyv.has('short'), await keyv.has('long')]).toEqual([false, true]);
    });

    it('carries change notices to every listener of a channel, and to none of another', async () => {
      const channel = uniqueNamespace('changes');
      const heard = { first: 0, second: 0, other: 0 };
      const stops = [
        store.changes(channel).subscribe(() => heard.first++),
        store.changes(channel).subscribe(() => heard.second++),
        store.changes(uniqueNamespace('other')).subscribe(() => heard.other++),
      ];
      // Each listener is called once its subscription is live (notices before it are lost).
      await expect.poll(() => [heard.first, heard.second, heard.other]).toEqual([1, 1, 1]);
      await store.changes(channel).publish();
      await expect.poll(() => [heard.first, heard.second]).toEqual([2, 2]);
      for (const stop of stops) stop();
      await store.changes(channel).publish();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(heard).toEqual({ first: 2, second: 2, other: 1 });
      expect(() => store.changes('a:b')).toThrow(TypeError);
      await store.close();
      await expect(store.changes(channel).publish()).rejects.toSatisfy((e) =>
        isBotError(e, 'store_unavailable'),
      );
    });

    it('refuses a namespace that would need escaping', () => {
      for (const bad of ['', 'a:b', 'a_b', 'a%', 'a*', 'é', 'x'.repeat(65)]) {
        expect(() => store.keyv(bad)).toThrow(TypeError);
      }
    });

    it('closes once, however often asked, and is unusable afterwards', async () => {
      const keyv = store.keyv(ns('closing'));
      await keyv.set('k', 'v');
      await Promise.all([store.close(), store.close()]);
      await store.close();
      const ping = await store.ping().catch((error: unknown) => error);
      expect(isBotError(ping, 'store_unavailable')).toBe(true);
      expect(() => store.keyv('late')).toThrow(/closed/);
    });
  });
}
