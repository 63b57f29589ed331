import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock, type ManualClock } from '../../src/clock.ts';
import { buildAlert } from '../fakes/fake-sekoia/index.ts';
import { sharedStoreEngines } from './shared-store-engines.ts';
import type { TestBot } from './start-bot.ts';
import { type MattermostWorld, startMattermostWorld } from './start-mattermost-world.ts';
import { waitUntilIdle } from './wait-until-idle.ts';

// PostgreSQL only: its queue runs a job at `runAt` on the injected clock, while BullMQ's delayed jobs
// wait on the real one (create-bullmq-queue.ts), which a test cannot move a day ahead.
const engines = sharedStoreEngines({ database: `chatops_digest_${process.pid}`, redisDb: 11 }).filter(
  ([name]) => name.startsWith('PostgreSQL'),
);
/** Monday 7 December 2026, 10:00 UTC; the digest is due on Tuesday at 09:00 UTC. */
const MONDAY = Date.UTC(2026, 11, 7, 10, 0);
const TUESDAY_DIGEST = Date.UTC(2026, 11, 8, 9, 0);

describe.each(engines)('two bots on one %s store post one daily digest', (_name, engine) => {
  let world: MattermostWorld;
  let botB: TestBot | undefined;
  let clock: ManualClock;

  beforeAll(async () => {
    await engine.setUp();
    clock = createManualClock(MONDAY);
    const worker = { pollMs: 50 };
    world = await startMattermostWorld({ clock, env: { STORE_URL: engine.storeUrl }, worker });
    botB = await world.startReplica(worker);
  });
  afterAll(async () => {
    await botB?.stop();
    await world?.close();
    await engine.tearDown();
  });

  const digests = () =>
    world.mattermost.posts(world.channelId).filter((post) => /Daily digest/.test(JSON.stringify(post.props)));
  const idle = async () => {
    await waitUntilIdle(world, clock);
    if (botB) await waitUntilIdle({ sekoia: world.sekoia, bot: botB }, clock);
  };

  it('both replicas run the queue: the digest comes once, with the cards both posted', async () => {
    expect(await world.command('digest daily 09:00')).toContain('Daily digest set');
    expect(await world.command('subscribe alert-raised')).toMatch(/Rule \S+ created/);
    for (const value of [90, 60, 30, 85])
      world.sekoia.addAlert({ urgency: { ...buildAlert().urgency, current_value: value } });
    await idle();
    expect(world.cards()).toHaveLength(4);
    clock.set(TUESDAY_DIGEST);
    await expect.poll(() => digests().length, { timeout: 10_000 }).toBe(1);
    await idle();
    clock.set(TUESDAY_DIGEST + 60_000);
    await idle();
    expect(digests()).toHaveLength(1);
    expect(JSON.stringify(digests()[0]?.props)).toContain('4 alerts posted');
  });
});
