import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.ts';
import { openAppQueue } from '../../src/compose/open-app-queue.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { createDoctorStore, type DoctorStore } from '../../src/doctor/checks/open-doctor-store.ts';
import { secretCheck } from '../../src/doctor/checks/secret-checks.ts';
import { queueCheck, storeCheck } from '../../src/doctor/checks/store-checks.ts';
import { createStore, type Store } from '../../src/storage/create-store.ts';
import { startPrivateRedis } from '../faults/private-redis.ts';
import { freePort } from '../integration/start-bot.ts';
import { doctorContext, quietLog, tempStoreUrl } from './doctor-test-context.ts';

const SECRET = 'a'.repeat(32);
const opened: DoctorStore[] = [];
const open = (url: string) => {
  const store = createDoctorStore({ config: { STORE_URL: url }, log: quietLog, pingTimeoutMs: 500 });
  opened.push(store);
  return store;
};
/** The bot's own queue opener, as the composition passes it. */
const openQueue = (url: string) => (store: Store) =>
  openAppQueue({ config: loadConfig({ STORE_URL: url }), log: quietLog }, store, systemClock);

afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
});

describe('the store checks', () => {
  it('pass on a SQLite store, and open its queue', async () => {
    const url = tempStoreUrl();
    const store = open(url);
    const context = doctorContext({ STORE_URL: url });
    expect(await storeCheck(store).run(context)).toMatchObject({
      state: 'ok',
      detail: expect.stringContaining('answers'),
    });
    expect(await queueCheck(store, openQueue(url)).run(context)).toMatchObject({
      state: 'ok',
      detail: "opens (in the SQLite store's file): 0 pending, 0 dead letters",
    });
  });

  it('pass on Redis, opening the BullMQ queue there', async () => {
    const redis = await startPrivateRedis();
    try {
      const store = open(redis.url);
      const context = doctorContext({ STORE_URL: redis.url });
      expect((await storeCheck(store).run(context)).state).toBe('ok');
      expect(await queueCheck(store, openQueue(redis.url)).run(context)).toEqual({
        state: 'ok',
        detail: 'opens (BullMQ on Redis): 0 pending, 0 dead letters',
      });
      await store.close();
    } finally {
      await redis.close();
    }
  }, 30_000);

  it('fail when Redis does not answer, with a fix, and skip the queue and the secrets then', async () => {
    const port = await freePort();
    const url = `redis://:hunter2-password@127.0.0.1:${port}`;
    const store = open(url);
    const context = doctorContext({ STORE_URL: url });
    const outcome = await storeCheck(store).run(context);
    expect(outcome.state).toBe('fail');
    expect(outcome.fix).toMatch(/Start Redis/);
    expect(outcome.detail).not.toContain('hunter2');
    expect((await queueCheck(store, openQueue(url)).run(context)).state).toBe('skip');
    expect((await secretCheck('SEKOIA_WEBHOOK_SECRET', store).run(context)).state).toBe('skip');
  });
});

describe('the generated secrets', () => {
  it('say "set in the environment" when set there, never the value', async () => {
    const url = tempStoreUrl();
    const outcome = await secretCheck('ACTION_SIGNING_KEY', open(url)).run(
      doctorContext({ STORE_URL: url, ACTION_SIGNING_KEY: SECRET }),
    );
    expect(outcome).toMatchObject({ state: 'ok', detail: expect.stringContaining('set in the environment') });
    expect(JSON.stringify(outcome)).not.toContain(SECRET);
  });

  it('say "generated at first start" on an empty store, and "stored" once the bot stored one', async () => {
    const url = tempStoreUrl();
    const context = doctorContext({ STORE_URL: url });
    const before = await secretCheck('SEKOIA_WEBHOOK_SECRET', open(url)).run(context);
    expect(before).toMatchObject({
      state: 'ok',
      detail: expect.stringContaining("generated and stored at the bot's first start"),
    });
    const bot = await createStore({ url, log: quietLog });
    await bot.keyv('secrets').set('SEKOIA_WEBHOOK_SECRET', SECRET);
    await bot.close();
    const after = await secretCheck('SEKOIA_WEBHOOK_SECRET', open(url)).run(context);
    expect(after).toMatchObject({
      state: 'ok',
      detail: expect.stringContaining('generated and stored in the store'),
    });
    expect(JSON.stringify(after)).not.toContain(SECRET);
  });
});
