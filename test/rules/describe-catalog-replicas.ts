import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock.ts';
import { createRuleCatalog, type RuleCatalog } from '../../src/rules/create-rule-catalog.ts';
import { createKeyvRuleStore } from '../../src/storage/create-keyv-rule-store.ts';
import { createStore, type Store } from '../../src/storage/create-store.ts';
import { type CapturedLog, captureLog, uniqueNamespace } from '../storage/capture-log.ts';
import { alertRaised, ruleFrom, T0 } from './rule-fixtures.ts';

/** Far beyond any test: a catalog that reloads in time did so on a notice, not on its poll. */
const NO_POLL_MS = 3_600_000;
/** How soon another replica must match a change (measured: a few ms on loopback). */
export const NOTICE_DEADLINE_MS = 200;

export interface CatalogReplica {
  store: Store;
  catalog: RuleCatalog;
}

export interface ReplicaWorld {
  a: CatalogReplica;
  b: CatalogReplica;
  logs: CapturedLog[];
  namespace: string;
}

/**
 * Two replicas of the rule catalog on one database: each its own store (its own connections and
 * subscriber; on PostgreSQL, whose adapter keeps one pool per process, the key–value pool is
 * shared and each store still LISTENs on a client of its own), one rules namespace (a fresh one
 * per test, also the change channel). Their poll is an hour: only a change notice reaches them.
 */
export async function openCatalogReplicas(url: string): Promise<ReplicaWorld> {
  const namespace = uniqueNamespace('rules');
  const logs = [captureLog(), captureLog()];
  const open = async (captured: CapturedLog): Promise<CatalogReplica> => {
    const store = await createStore({ url, log: captured.log });
    const catalog = createRuleCatalog({
      store: createKeyvRuleStore({ keyv: store.keyv(namespace), log: captured.log }),
      clock: createManualClock(T0),
      notices: store.changes(namespace),
      refreshMs: NO_POLL_MS,
      onRefreshError: (error) => captured.log.warn({ err: error }, 'could not refresh the rules'),
    });
    await catalog.start();
    return { store, catalog };
  };
  const [first, second] = logs as [CapturedLog, CapturedLog];
  return { a: await open(first), b: await open(second), logs, namespace };
}

export async function closeCatalogReplicas(world: ReplicaWorld): Promise<void> {
  world.a.catalog.stop();
  world.b.catalog.stop();
  await world.a.store.keyv(world.namespace).clear();
  // On PostgreSQL the second close finds the shared pool ended already (the adapter ends it once).
  await world.b.store.close();
  await world.a.store.close().catch(() => {});
}

/** The ids a catalog matches for a high-urgency raised alert. */
export const matched = (replica: CatalogReplica) =>
  replica.catalog.match(alertRaised()).map((match) => match.rule.id);

/** Waits until `replica` matches `ids`, and answers how long that took. */
export async function matchesSoon(replica: CatalogReplica, ids: string[]): Promise<number> {
  const started = performance.now();
  await expect.poll(() => matched(replica), { timeout: NOTICE_DEADLINE_MS, interval: 2 }).toEqual(ids);
  return performance.now() - started;
}

export function describeCatalogReplicas(url: string): void {
  describe(`rule catalog replicas on ${url.split(':')[0]}: a change on one is matched by the other at once`, () => {
    let world: ReplicaWorld;
    beforeEach(async () => {
      world = await openCatalogReplicas(url);
    });
    afterEach(async () => {
      await closeCatalogReplicas(world);
    });

    it(`matches on B a rule created on A within ${NOTICE_DEADLINE_MS} ms`, async () => {
      const { a, b } = world;
      expect(matched(b)).toEqual([]);
      await a.catalog.add(ruleFrom('alert-raised urgency>=high', 'r7k2'));
      await matchesSoon(b, ['r7k2']);
      await b.catalog.add(ruleFrom('alert-raised', 'q9m4'));
      await matchesSoon(a, ['r7k2', 'q9m4']);
    });

    it('stops matching on A a rule deleted on B, and on B a rule muted on A; an unmute comes back', async () => {
      const { a, b } = world;
      await a.catalog.add(ruleFrom('alert-raised', 'r7k2'));
      await a.catalog.add(ruleFrom('alert-raised', 'q9m4'));
      await matchesSoon(b, ['r7k2', 'q9m4']);

      expect(await b.catalog.delete('q9m4')).toBe(true);
      await matchesSoon(a, ['r7k2']);

      await a.catalog.setMute('r7k2', { until: T0 + 3_600_000, by: { id: 'u1', name: 'alice' } });
      await matchesSoon(b, []);
      await a.catalog.clearMute('r7k2');
      await matchesSoon(b, ['r7k2']);
    });

    it('matches every rule of a burst of 20 created at once (reloads run in turn, the last sees all)', async () => {
      const { a, b } = world;
      const ids = Array.from({ length: 20 }, (_, n) => `b${String(n).padStart(3, '0')}`);
      await Promise.all(ids.map((id) => a.catalog.add(ruleFrom('alert-raised', id))));
      await expect
        .poll(() => matched(b).sort(), { timeout: NOTICE_DEADLINE_MS * 5, interval: 5 })
        .toEqual(ids);
    });
  });
}
