import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RuleStore } from '../../src/rules/rule-store.ts';
import { createKeyvRuleStore } from '../../src/storage/create-keyv-rule-store.ts';
import { createStore, type Store } from '../../src/storage/create-store.ts';
import { CHANNEL, ruleFrom, T0 } from '../rules/rule-fixtures.ts';
import { captureLog, uniqueNamespace } from './capture-log.ts';

const OTHER = { ...CHANNEL, channel: 'other' };
const ALICE = { id: 'u1', name: 'alice' };
const CHANNEL_KEY = 'channel:mattermost/team-1/soc';

/** What every backend must do for createKeyvRuleStore; each test has a fresh namespace. */
export function describeRuleStoreContract(url: string): void {
  describe(`createKeyvRuleStore on ${url.split(':')[0]}`, () => {
    let store: Store;
    let rules: RuleStore;
    let namespace: string;
    let captured: ReturnType<typeof captureLog>;
    beforeEach(async () => {
      captured = captureLog();
      store = await createStore({ url, log: captured.log });
      namespace = uniqueNamespace('rules');
      rules = createKeyvRuleStore({ keyv: store.keyv(namespace), log: captured.log });
    });
    afterEach(async () => {
      await store.keyv(namespace).clear();
      await store.close();
    });

    it('adds, gets (any case), lists per channel and in all, counts and deletes', async () => {
      await rules.add(ruleFrom('alert-raised urgency>=high', 'r7k2'));
      await rules.add({ ...ruleFrom('report tlp=red', 'b3x9', OTHER), createdAt: T0 + 1 });
      expect(await rules.get('R7K2')).toEqual(ruleFrom('alert-raised urgency>=high', 'r7k2'));
      expect(await rules.exists('b3x9')).toBe(true);
      expect((await rules.listByChannel(CHANNEL)).map((r) => r.id)).toEqual(['r7k2']);
      expect((await rules.listByChannel(OTHER)).map((r) => r.id)).toEqual(['b3x9']);
      expect((await rules.listAll()).map((r) => r.id)).toEqual(['r7k2', 'b3x9']);
      expect(await rules.count()).toBe(2);
      expect(await rules.delete('R7K2')).toBe(true);
      expect(await rules.delete('r7k2')).toBe(false);
      expect(await rules.get('r7k2')).toBeUndefined();
      expect(await rules.listByChannel(CHANNEL)).toEqual([]);
      expect(await rules.count()).toBe(1);
    });

    it("keeps a rule's --notify list; a rule stored without one reads back without one", async () => {
      const notified = ruleFrom('alert-raised --notify @oncall,@here --notify-urgency high', 'n0t1');
      expect(notified.notify).toEqual({
        mentions: [{ name: 'oncall' }, { name: 'here' }],
        minUrgency: 'high',
      });
      await rules.add(notified);
      await rules.add(ruleFrom('alert-raised', 'p1a1'));
      expect(await rules.get('n0t1')).toEqual(notified);
      expect(await rules.get('p1a1')).not.toHaveProperty('notify');
    });

    it("keeps a rule's --remind plan, sets and removes it (a version change); old rules read without one", async () => {
      const reminding = ruleFrom('alert-raised --remind 15m --escalate @secops-leads 30m', 'rm1d');
      await rules.add(reminding);
      await rules.add(ruleFrom('alert-raised', 'p1a1'));
      expect(await rules.get('rm1d')).toEqual(reminding);
      expect(await rules.get('p1a1')).not.toHaveProperty('remind');
      const v1 = await rules.version();
      const plan = { afterMs: 600_000, escalate: null };
      expect((await rules.setRemind('p1a1', plan))?.remind).toEqual(plan);
      expect((await rules.get('p1a1'))?.remind).toEqual(plan);
      expect(await rules.version()).not.toBe(v1);
      expect(await rules.setRemind('rm1d', null)).not.toHaveProperty('remind');
      expect(await rules.get('rm1d')).not.toHaveProperty('remind');
      expect(await rules.setRemind('zzzz', plan)).toBeUndefined();
    });

    it('scans every rule exactly once, a batch at a time', async () => {
      const ids = ['a001', 'a002', 'a003', 'a004', 'a005'];
      for (const id of ids) await rules.add(ruleFrom('alert-raised urgency>=high', id));
      const batches: string[][] = [];
      await rules.scanAll((batch) => batches.push(batch.map((rule) => rule.id)), 2);
      expect(batches.map((batch) => batch.length)).toEqual([2, 2, 1]);
      expect(batches.flat().sort()).toEqual(ids);
    });

    it('mutes, unmutes and counts matches; the version moves on changes that affect matching only', async () => {
      await rules.add(ruleFrom('alert-raised', 'r7k2'));
      const v1 = await rules.version();
      const mute = { until: T0 + 3_600_000, reason: 'maintenance', by: ALICE };
      expect((await rules.setMute('r7k2', mute))?.mute).toEqual(mute);
      const v2 = await rules.version();
      expect(v2).not.toBe(v1);
      expect((await rules.get('r7k2'))?.mute).toEqual(mute);
      expect((await rules.clearMute('r7k2'))?.mute).toBeNull();
      const v3 = await rules.version();
      expect(v3).not.toBe(v2);
      await rules.recordMatch('r7k2', T0 + 5);
      const counted = await rules.recordMatch('r7k2', T0 + 9);
      expect(counted).toMatchObject({ matchCount: 2, lastMatchAt: T0 + 9 });
      expect(await rules.get('r7k2')).toMatchObject({ matchCount: 2, lastMatchAt: T0 + 9 });
      expect(await rules.version()).toBe(v3);
      expect(await rules.setMute('zzzz', mute)).toBeUndefined();
    });

    it('reports a corrupt stored rule and does not trust it', async () => {
      await rules.add(ruleFrom('alert-raised', 'r7k2'));
      await rules.add(ruleFrom('alert-raised', 'b3x9'));
      await store.keyv(namespace).set('rule:b3x9', { id: 'b3x9', trigger: 'nope', conditions: 'x' });
      expect(await rules.get('b3x9')).toBeUndefined();
      expect((await rules.listAll()).map((r) => r.id)).toEqual(['r7k2']);
      const warnings = captured.records().filter((r) => r.msg === 'corrupt rule in storage ignored');
      expect(warnings[0]).toMatchObject({ ruleId: 'b3x9' });
    });

    it('deletes a corrupt rule, from its channel list too when its channel still parses', async () => {
      await rules.add(ruleFrom('alert-raised', 'r7k2'));
      await rules.add(ruleFrom('alert-raised', 'b3x9'));
      await rules.add(ruleFrom('alert-raised', 'c4y8'));
      const raw = store.keyv(namespace);
      await raw.set('rule:b3x9', { id: 'b3x9', channel: CHANNEL, trigger: 'secret-nope' });
      await raw.set('rule:c4y8', 'secret-garbage');
      expect((await rules.listByChannel(CHANNEL)).map((r) => r.id)).toEqual(['r7k2']);
      expect(await rules.delete('B3X9')).toBe(true);
      expect(await rules.delete('c4y8')).toBe(true);
      expect(await rules.delete('c4y8')).toBe(false);
      expect(await rules.exists('b3x9')).toBe(false);
      expect(await raw.get('ids')).toEqual(['r7k2']);
      // c4y8's channel was unknown: its id stays in the channel list until a reader drops it.
      expect(await raw.get(CHANNEL_KEY)).toEqual(['r7k2', 'c4y8']);
      expect((await rules.listByChannel(CHANNEL)).map((r) => r.id)).toEqual(['r7k2']);
      expect(await raw.get(CHANNEL_KEY)).toEqual(['r7k2']);
      const deleted = captured.records().filter((r) => r.msg === 'corrupt rule deleted');
      expect(deleted).toMatchObject([
        { ruleId: 'b3x9', channelKnown: true },
        { ruleId: 'c4y8', channelKnown: false },
      ]);
      expect(captured.lines.join('\n')).not.toContain('secret-');
    });

    it('skips and drops listed ids whose rule is gone, and counts only the rules there are', async () => {
      await rules.add(ruleFrom('alert-raised', 'r7k2'));
      const raw = store.keyv(namespace);
      await raw.set('ids', ['zzzz', 'r7k2', 'yyyy']);
      await raw.set(CHANNEL_KEY, ['r7k2', 'zzzz']);
      expect(await rules.count()).toBe(1);
      expect(await raw.get('ids')).toEqual(['r7k2']);
      expect((await rules.listByChannel(CHANNEL)).map((r) => r.id)).toEqual(['r7k2']);
      expect(await raw.get(CHANNEL_KEY)).toEqual(['r7k2']);
    });
  });
}
