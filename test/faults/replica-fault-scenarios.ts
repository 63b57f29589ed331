import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAlertWebhook, type FakeAlert, type FakeStatusName } from '../fakes/fake-sekoia/index.ts';
import {
  cardStatus,
  type FaultWorld,
  LEASE_SECONDS,
  REPLICAS,
  startFaultWorld,
  webhookUrlOf,
} from './fault-world.ts';
import type { PrivateEngine } from './private-engine.ts';
import type { SentWebhook } from './send-webhooks.ts';

const CHANNELS = 20;
const SITES = 5;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One notification of the burst; `body` runs just before it is sent (an update changes the alert then). */
interface Planned {
  order: number;
  body: () => string;
}

interface Burst {
  /** Alert UUID → the status its card must end in. */
  finalStatus: Map<string, FakeStatusName>;
  /** Alert UUID → its site (the channels subscribed to the site get its card). */
  siteOf: Map<string, number>;
  notifications: Planned[];
}

/**
 * `alerts` alerts spread over the sites, each notified `created`, then `updated` after its status
 * changed, and every other one's `created` sent twice (Sekoia.io repeating a notification):
 * 2.5 notifications per alert, interleaved so that updates overlap later alerts' creations.
 */
function planBurst(world: FaultWorld, alerts: number, tag: string): Burst {
  const burst: Burst = { finalStatus: new Map(), siteOf: new Map(), notifications: [] };
  for (let i = 0; i < alerts; i++) {
    const site = i % SITES;
    const alert: FakeAlert = world.sekoia.addAlert(
      { title: `${tag} alert ${i}`, entity: { uuid: crypto.randomUUID(), name: `Site-${site}` } },
      { notify: false },
    );
    const status: FakeStatusName = i % 2 === 0 ? 'Acknowledged' : 'Ongoing';
    burst.finalStatus.set(alert.uuid, status);
    burst.siteOf.set(alert.uuid, site);
    const created = JSON.stringify(buildAlertWebhook({ alert, action: 'created' }));
    burst.notifications.push({ order: i, body: () => created });
    if (i % 2 === 0) burst.notifications.push({ order: i + 3.5, body: () => created });
    burst.notifications.push({
      order: i + 8.2,
      body: () => {
        const changed = world.sekoia.updateAlert(alert.uuid, { statusName: status }, { notify: false });
        return JSON.stringify(
          buildAlertWebhook({
            alert: changed,
            action: 'updated',
            updated: { status: changed.status.uuid, status_name: status },
          }),
        );
      },
    });
  }
  burst.notifications.sort((a, b) => a.order - b.order);
  return burst;
}

/** Sends the burst 8 at a time; `at(fraction)` hooks run once that share of it has been sent. */
async function sendBurst(
  world: FaultWorld,
  burst: Burst,
  at: { fraction: number; run: () => Promise<void> }[] = [],
): Promise<SentWebhook[]> {
  const results: SentWebhook[] = [];
  const hooks: Promise<void>[] = [];
  const pending = [...at].sort((a, b) => a.fraction - b.fraction);
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < burst.notifications.length) {
        const index = next++;
        while (pending.length > 0 && index >= (pending[0]?.fraction ?? 1) * burst.notifications.length) {
          hooks.push((pending.shift() as (typeof pending)[number]).run());
        }
        const planned = burst.notifications[index] as Planned;
        results[index] = await world.sender.send(planned.body());
      }
    }),
  );
  await Promise.all(hooks);
  return results;
}

/** Every alert of the burst has one card in each channel of its site, in its final status. */
function cardProblems(world: FaultWorld, burst: Burst, channelsOfSite: (site: number) => string[]) {
  const cards = world.cardsByAlert();
  const problems: string[] = [];
  for (const [uuid, status] of burst.finalStatus) {
    const posts = cards.get(uuid) ?? [];
    const expected = channelsOfSite(burst.siteOf.get(uuid) ?? -1).sort();
    const channels = posts.map((post) => post.channel_id).sort();
    if (channels.join() !== expected.join()) {
      problems.push(
        `${uuid}: cards in ${channels.length} channel(s), ${new Set(channels).size} distinct, want ${expected.length}`,
      );
    } else if (posts.some((post) => cardStatus(post) !== status)) {
      problems.push(`${uuid}: statuses ${posts.map(cardStatus).join(',')}, want ${status}`);
    }
  }
  return problems;
}

async function readyStatuses(world: FaultWorld): Promise<number[]> {
  return Promise.all(
    world.replicas.urls.map(async (url) => {
      try {
        // The readiness check gives each dependency 2 s before it answers 503.
        return (await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(5_000) })).status;
      } catch {
        return 0;
      }
    }),
  );
}

/**
 * Issue 13's fault tests through real processes: three replicas on one engine behind a round-robin
 * balancer; a replica killed mid-burst and restarted; the engine crashed mid-burst and restarted; a
 * click served by a replica that did not post the card.
 */
export function describeReplicaFaults(startEngine: () => Promise<PrivateEngine>): void {
  describe('three replicas on one engine, behind a round-robin balancer', () => {
    let world: FaultWorld;
    const channels: string[] = [];
    const channelsOfSite = (site: number) => channels.filter((_, index) => index % SITES === site);
    let engine: PrivateEngine | undefined;

    beforeAll(async () => {
      engine = await startEngine();
      world = await startFaultWorld(engine);
      for (let i = 0; i < CHANNELS; i++) channels.push(world.addChannel(`soc-${i}`));
      // Through the balancer: the rules are created on the three replicas in turn.
      for (const [index, channelId] of channels.entries()) {
        const answer = await world.command(
          channelId,
          `subscribe alert-raised entity="Site-${index % SITES}"`,
        );
        expect(answer).toMatch(/Rule \S+ created/);
      }
    }, 120_000);
    afterAll(async () => {
      await world?.close();
      await engine?.close();
    });

    const failure = (problems: string[]) =>
      `${problems.length} problem(s): ${problems.slice(0, 5).join('; ')}\n--- replica logs (tail) ---\n${world.replicas.logs().slice(-3_000)}`;

    it('a replica killed mid-burst and restarted: every 202 delivered, one card per alert and channel, final states', async () => {
      const burst = planBurst(world, 400, 'kill');
      expect(burst.notifications).toHaveLength(1_000);
      const sent = await sendBurst(world, burst, [
        { fraction: 0.4, run: () => world.replicas.kill(1) },
        { fraction: 0.6, run: () => world.replicas.start(1) },
      ]);
      expect(sent.filter((s) => s.statuses.at(-1) !== 202)).toEqual([]);
      // The killed replica's claimed jobs come back after its lease ran out.
      await expect
        .poll(() => cardProblems(world, burst, channelsOfSite), { timeout: 90_000, interval: 500 })
        .toEqual([]);
      // Nothing late: a job retaken from the dead replica must not post a second card.
      await sleep((LEASE_SECONDS + 2) * 1_000);
      const problems = cardProblems(world, burst, channelsOfSite);
      expect(problems, failure(problems)).toEqual([]);
      expect(world.proxy.served.every((count) => count > 0)).toBe(true);
    }, 180_000);

    it('the engine crashed mid-burst: /readyz says so, WebHooks meanwhile get 503, nothing answered 202 is lost', async () => {
      const burst = planBurst(world, 160, 'crash');
      const readyDuringOutage: number[][] = [];
      const sent = await sendBurst(world, burst, [
        {
          fraction: 0.3,
          run: async () => {
            await world.engine.crash();
            // Each replica notices on its own: its readiness check asks the engine.
            for (let i = 0; i < 60; i++) {
              const statuses = await readyStatuses(world);
              readyDuringOutage.push(statuses);
              if (statuses.every((status) => status === 503)) break;
              await sleep(100);
            }
            await sleep(1_500);
            await world.engine.start();
          },
        },
      ]);
      expect(readyDuringOutage.at(-1)).toEqual(Array.from({ length: REPLICAS }, () => 503));
      const refused = sent.filter((s) => s.statuses.includes(503));
      expect(refused.length).toBeGreaterThan(0);
      expect(refused.every((s) => s.retryAfter.length > 0)).toBe(true);
      expect(sent.filter((s) => s.statuses.at(-1) !== 202)).toEqual([]);
      await expect.poll(() => readyStatuses(world), { timeout: 30_000 }).toEqual([200, 200, 200]);
      await expect
        .poll(() => cardProblems(world, burst, channelsOfSite), { timeout: 90_000, interval: 500 })
        .toEqual([]);
      await sleep((LEASE_SECONDS + 2) * 1_000);
      const problems = cardProblems(world, burst, channelsOfSite);
      expect(problems, failure(problems)).toEqual([]);
    }, 180_000);

    it('after the engine came back, a rule created on one replica is matched at once by another', async () => {
      const channelId = world.addChannel('soc-after-restart');
      const [first, , third] = world.replicas.urls as [string, string, string];
      expect(await world.command(channelId, 'subscribe alert-raised entity="Fresh site"', first)).toMatch(
        /Rule \S+ created/,
      );
      const alert = world.sekoia.addAlert(
        { entity: { uuid: crypto.randomUUID(), name: 'Fresh site' } },
        { notify: false },
      );
      const response = await fetch(webhookUrlOf(third), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(buildAlertWebhook({ alert, action: 'created' })),
      });
      expect(response.status).toBe(202);
      await expect
        .poll(() => (world.cardsByAlert().get(alert.uuid) ?? []).map((post) => post.channel_id), {
          timeout: 15_000,
        })
        .toEqual([channelId]);
    }, 60_000);

    it('a click served by a replica that did not post the card acts and updates the card', async () => {
      const alert = world.sekoia.addAlert(
        { title: 'click me', entity: { uuid: crypto.randomUUID(), name: 'Site-0' } },
        { notify: false },
      );
      // Only replica 0 runs while the card is posted, so it is the one that posts it.
      world.replicas.freeze(1);
      world.replicas.freeze(2);
      try {
        world.proxy.pin(0);
        const sent = await world.sender.send(JSON.stringify(buildAlertWebhook({ alert, action: 'created' })));
        expect(sent.statuses.at(-1)).toBe(202);
        await expect
          .poll(() => world.cardsByAlert().get(alert.uuid)?.length ?? 0, { timeout: 15_000 })
          .toBe(4);
      } finally {
        world.replicas.thaw(1);
        world.replicas.thaw(2);
      }
      const card = world.cardsByAlert().get(alert.uuid)?.[0];
      world.proxy.pin(1);
      try {
        const click = await world.mattermost.clickButton({
          postId: card?.id ?? '',
          actionId: 'acknowledge',
          userId: world.aliceId,
        });
        expect(click.status).toBe(200);
      } finally {
        world.proxy.pin(undefined);
      }
      expect(world.sekoia.getAlert(alert.uuid)?.status.name).toBe('Acknowledged');
      await expect
        .poll(() => (world.cardsByAlert().get(alert.uuid) ?? []).map(cardStatus), { timeout: 15_000 })
        .toEqual(['Acknowledged', 'Acknowledged', 'Acknowledged', 'Acknowledged']);
    }, 60_000);
  });
}
