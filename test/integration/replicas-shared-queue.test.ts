import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAlert } from '../fakes/fake-sekoia/index.ts';
import { sharedStoreEngines } from './shared-store-engines.ts';
import type { TestBot } from './start-bot.ts';
import { type MattermostWorld, startMattermostWorld } from './start-mattermost-world.ts';

const engines = sharedStoreEngines({ database: `chatops_replicas_${process.pid}`, redisDb: 12 });

describe.each(engines)('two bots on one %s store share one work queue', (_name, engine) => {
  const STORE_URL = engine.storeUrl;
  let world: MattermostWorld;
  let botB: TestBot | undefined;

  beforeAll(async () => {
    await engine.setUp();
    // Quick retries, so that the job bot A leaves behind comes due again within the test.
    world = await startMattermostWorld({ env: { STORE_URL }, worker: { backoffBaseMs: 200, pollMs: 100 } });
  });
  afterAll(async () => {
    await botB?.stop();
    await world?.close();
    await engine.tearDown();
  });

  it('a notification bot A answered 202 and then left unfinished is delivered by bot B', async () => {
    expect(await world.command('subscribe alert-raised urgency>=high')).toMatch(/Rule \S+ created/);
    // Sekoia.io is down: A takes the notification (202), fails to read the alert, queues a retry.
    world.sekoia.setDown(true);
    const alert = world.sekoia.addAlert({
      title: 'Mimikatz on WS-114',
      urgency: { ...buildAlert().urgency, current_value: 90 },
    });
    await world.sekoia.settleWebhooks();
    expect(world.sekoia.webhooks.at(-1)?.status).toBe(202);
    await expect
      .poll(() => world.sekoia.requests.filter((request) => request.path.includes(alert.uuid)).length)
      .toBeGreaterThan(0);
    // A stops for good with the retry still queued; with a queue local to A it would wait for A.
    await world.bot.stop();
    world.sekoia.setDown(false);
    botB = await world.startReplica({ backoffBaseMs: 200, pollMs: 100 });
    await expect
      .poll(() => world.cardOf(alert.uuid)?.props.sekoia_alert_uuid, { timeout: 10_000 })
      .toBe(alert.uuid);
    // Read from the API (not from the WebHook alone), once.
    expect(world.cards()).toHaveLength(1);
    expect(JSON.stringify(world.cardOf(alert.uuid)?.props)).toContain('Mimikatz on WS-114');
  });
});
