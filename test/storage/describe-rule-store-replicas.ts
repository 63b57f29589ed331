import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelRef, Rule } from '../../src/rules/rule.ts';
import type { RuleStore } from '../../src/rules/rule-store.ts';
import { createKeyvRuleStore } from '../../src/storage/create-keyv-rule-store.ts';
import { createStore, type Store } from '../../src/storage/create-store.ts';
import { CHANNEL, ruleFrom, T0 } from '../rules/rule-fixtures.ts';
import { captureLog, uniqueNamespace } from './capture-log.ts';

const CHANNELS: ChannelRef[] = [CHANNEL, { ...CHANNEL, channel: 'other' }, { ...CHANNEL, team: 'team-2' }];
const channelKey = (c: ChannelRef) => `channel:${[c.platform, c.team, c.channel].join('/')}`;

/** Rule n: a distinct id, one of three channels, created in order. */
const nthRule = (n: number): Rule => ({
  ...ruleFrom('alert-raised', `q${String(n).padStart(3, '0')}`, CHANNELS[n % CHANNELS.length]),
  createdAt: T0 + n,
});

const sorted = (ids: string[]) => [...ids].sort();

/**
 * Two replicas (two rule stores, each with its own lock and, but on PostgreSQL, its own store and
 * connection) sharing one namespace of one database, editing the id lists at once: no update lost.
 */
export function describeRuleStoreReplicas(url: string): void {
  describe(`createKeyvRuleStore replicas on ${url.split(':')[0]}`, () => {
    let stores: Store[];
    let replicas: RuleStore[];
    let namespace: string;
    beforeEach(async () => {
      const { log } = captureLog();
      const first = await createStore({ url, log });
      // @keyv/postgres keeps one pool per process: there, the replicas share it (and its connections).
      stores = [first, first.kind === 'postgres' ? first : await createStore({ url, log })];
      namespace = uniqueNamespace('replicas');
      replicas = stores.map((store) => createKeyvRuleStore({ keyv: store.keyv(namespace), log }));
    });
    afterEach(async () => {
      await stores[0]?.keyv(namespace).clear();
      await Promise.all([...new Set(stores)].map((store) => store.close()));
    });

    const replica = (n: number) => replicas[n % 2] as RuleStore;

    /** The stored lists, read raw (before any reader could repair them) and through both replicas. */
    const expectListed = async (expected: Rule[]) => {
      const raw = stores[0]?.keyv(namespace);
      const ids = expected.map((rule) => rule.id);
      expect(sorted((await raw?.get<string[]>('ids')) ?? [])).toEqual(sorted(ids));
      for (const channel of CHANNELS) {
        const inChannel = expected.filter((rule) => rule.channel === channel).map((rule) => rule.id);
        expect(sorted((await raw?.get<string[]>(channelKey(channel))) ?? [])).toEqual(sorted(inChannel));
        for (const store of replicas) {
          expect((await store.listByChannel(channel)).map((rule) => rule.id)).toEqual(inChannel);
        }
      }
      for (const store of replicas) {
        expect((await store.listAll()).map((rule) => rule.id)).toEqual(ids);
        expect(await store.count()).toBe(expected.length);
      }
    };

    it('lists and counts every one of 40 rules added at once by two replicas', async () => {
      const rules = Array.from({ length: 40 }, (_, n) => nthRule(n));
      await Promise.all(rules.map((rule, n) => replica(n).add(rule)));
      await expectListed(rules);
    });

    it('lists exactly the surviving rules after adds and deletes at once by two replicas', async () => {
      const first = Array.from({ length: 20 }, (_, n) => nthRule(n));
      await Promise.all(first.map((rule, n) => replica(n).add(rule)));
      const doomed = first.filter((_, n) => n % 3 !== 0);
      const added = Array.from({ length: 20 }, (_, n) => nthRule(20 + n));
      const deletes = doomed.map((rule, n) => replica(n + 1).delete(rule.id));
      const adds = added.map((rule, n) => replica(n).add(rule));
      const [deleted] = await Promise.all([Promise.all(deletes), Promise.all(adds)]);
      expect(deleted.every(Boolean)).toBe(true);
      await expectListed([...first.filter((rule) => !doomed.includes(rule)), ...added]);
    });
  });
}
