import { createClient } from '@keyv/redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAlert } from '../fakes/fake-sekoia/index.ts';
import type { TestBot } from './start-bot.ts';
import { type MattermostWorld, startMattermostWorld } from './start-mattermost-world.ts';

// A real Redis server (override with TEST_REDIS_URL), on a database of its own, emptied before and
// after: the bot's namespaces and its queue's keys have fixed names.
const STORE_URL = `${process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'}/11`;

async function emptyBotNamespaces(): Promise<void> {
  const client = createClient({ url: STORE_URL });
  await client.connect();
  try {
    await client.flushDb();
  } finally {
    await client.close();
  }
}

describe('two bots on one Redis store (replicas)', () => {
  let world: MattermostWorld;
  let botB: TestBot;

  beforeAll(async () => {
    await emptyBotNamespaces();
    world = await startMattermostWorld({ env: { STORE_URL } });
    botB = await world.startReplica();
  });
  afterAll(async () => {
    await botB?.stop();
    await world?.close();
    await emptyBotNamespaces();
  });

  it('posts the card from bot B for a rule subscribed on bot A a moment before (no poll in between)', async () => {
    // B loaded the rules when it started, before this one existed: only a change notice tells it.
    const answer = await world.command('subscribe alert-raised urgency>=high');
    expect(answer).toMatch(/Rule \S+ created/);
    // A is gone: what B does, it does on its own rules and its own queue.
    await world.bot.stop();
    world.sekoia.setWebhookUrl(botB.webhookUrl);
    const alert = world.sekoia.addAlert({
      title: 'Mimikatz on WS-114',
      urgency: { ...buildAlert().urgency, current_value: 90 },
    });
    await world.sekoia.settleWebhooks();
    await expect
      .poll(() => world.cardOf(alert.uuid)?.props.sekoia_alert_uuid, { timeout: 2_000 })
      .toBe(alert.uuid);
  });
});
