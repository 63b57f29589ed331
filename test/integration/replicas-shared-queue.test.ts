import { createClient } from '@keyv/redis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAlert } from '../fakes/fake-sekoia/index.ts';
import type { TestBot } from './start-bot.ts';
import { type MattermostWorld, startMattermostWorld } from './start-mattermost-world.ts';

// Real servers with trust auth (override with TEST_POSTGRES_URL / TEST_REDIS_URL). PostgreSQL: a
// database made for this file and dropped after it; Redis: a database of its own, emptied before and
// after (the bot's namespaces, tables and queue keys have fixed names).
const SERVER_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const DATABASE = `chatops_replicas_${process.pid}`;
const POSTGRES_URL = Object.assign(new URL(SERVER_URL), { pathname: `/${DATABASE}` }).toString();
const REDIS_URL = `${process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'}/12`;

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function flushRedis(): Promise<void> {
  const client = createClient({ url: REDIS_URL });
  await client.connect();
  try {
    await client.flushDb();
  } finally {
    await client.close();
  }
}

interface Engine {
  storeUrl: string;
  setUp(): Promise<void>;
  tearDown(): Promise<void>;
}

const engines: [string, Engine][] = [
  [
    'PostgreSQL',
    {
      storeUrl: POSTGRES_URL,
      setUp: async () => {
        await admin(`DROP DATABASE IF EXISTS ${DATABASE}`);
        await admin(`CREATE DATABASE ${DATABASE}`);
      },
      tearDown: () => admin(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`),
    },
  ],
  ['Redis (BullMQ)', { storeUrl: REDIS_URL, setUp: flushRedis, tearDown: flushRedis }],
];

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
