import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock.ts';
import { createRuleCatalog } from '../../src/rules/create-rule-catalog.ts';
import type { Rule } from '../../src/rules/rule.ts';
import type { RuleStore } from '../../src/rules/rule-store.ts';
import { createKeyvRuleStore } from '../../src/storage/create-keyv-rule-store.ts';
import { createStore } from '../../src/storage/create-store.ts';
import { captureLog } from '../storage/capture-log.ts';
import { alertRaised, ruleFrom } from './rule-fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'rule-catalog-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function openReplica(file: string) {
  const { log } = captureLog();
  const store = await createStore({ url: `sqlite://${join(dir, file)}`, log });
  const rules = createKeyvRuleStore({ keyv: store.keyv('rules'), log });
  const catalog = createRuleCatalog({
    store: rules,
    clock: createManualClock(),
    refreshMs: 60_000,
    onRefreshError: () => {},
  });
  await catalog.start();
  return { store, catalog };
}

describe('createRuleCatalog', () => {
  it('shows a rule added through one replica to another after a refresh; the store is the truth', async () => {
    const a = await openReplica('shared.sqlite');
    const b = await openReplica('shared.sqlite');
    await a.catalog.add(ruleFrom('alert-raised urgency>=high', 'r7k2'));
    expect(a.catalog.match(alertRaised()).map((m) => m.rule.id)).toEqual(['r7k2']);
    expect(b.catalog.match(alertRaised())).toEqual([]);
    expect(await b.catalog.refresh()).toBe(true);
    expect(b.catalog.match(alertRaised()).map((m) => m.rule.id)).toEqual(['r7k2']);
    expect(await b.catalog.refresh()).toBe(false);

    await b.catalog.delete('r7k2');
    expect(b.catalog.size).toBe(0);
    await a.catalog.refresh();
    expect(a.catalog.match(alertRaised())).toEqual([]);
    for (const replica of [a, b]) {
      replica.catalog.stop();
      await replica.store.close();
    }
  });

  it('applies its own mute at once and keeps counters in the store', async () => {
    const { store, catalog } = await openReplica('own.sqlite');
    await catalog.add(ruleFrom('alert-raised', 'b3x9'));
    await catalog.setMute('b3x9', { until: Date.UTC(2030, 0, 1), by: { id: 'u1', name: 'alice' } });
    expect(catalog.match(alertRaised())).toEqual([]);
    await catalog.recordMatch('b3x9', 5);
    expect(await catalog.get('b3x9')).toMatchObject({ matchCount: 1, lastMatchAt: 5 });
    catalog.stop();
    await store.close();
  });

  it('runs reloads in turn: one asked for during a stale reload runs after it and ends on the latest rules', async () => {
    const { log } = captureLog();
    const store = await createStore({ url: `sqlite://${join(dir, 'turns.sqlite')}`, log });
    const rules = createKeyvRuleStore({ keyv: store.keyv('rules'), log });
    // The first reload reads the rules, then waits to hand them over (a slow network, say).
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let scans = 0;
    const slowFirstScan: RuleStore = {
      ...rules,
      async scanAll(visit, batchSize) {
        const read: Rule[][] = [];
        await rules.scanAll((batch) => read.push(batch), batchSize);
        if (scans++ === 0) await gate;
        for (const batch of read) visit(batch);
      },
    };
    const catalog = createRuleCatalog({
      store: slowFirstScan,
      clock: createManualClock(),
      refreshMs: 60_000,
      onRefreshError: () => {},
    });
    await rules.add(ruleFrom('alert-raised', 'r7k2'));
    const stale = catalog.refresh();
    await expect.poll(() => scans).toBe(1);
    await rules.add(ruleFrom('alert-raised', 'q9m4'));
    const latest = catalog.refresh();
    // Reloads at once would let the second one finish meanwhile, and the stale one overwrite it.
    await Promise.race([latest, new Promise((resolve) => setTimeout(resolve, 50))]);
    release();
    expect(await Promise.all([stale, latest])).toEqual([true, true]);
    expect(catalog.match(alertRaised()).map((m) => m.rule.id)).toEqual(['r7k2', 'q9m4']);
    await store.close();
  });
});
