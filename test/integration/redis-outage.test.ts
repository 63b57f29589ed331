import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrivateEngine } from '../faults/private-engine.ts';
import { startPrivateRedis } from '../faults/private-redis.ts';
import { startBot, type TestBot } from './start-bot.ts';

const notification = (n: number) =>
  JSON.stringify({
    type: 'alert',
    action: 'created',
    attributes: { uuid: `7a8b9c0d-1e2f-4a5b-8c6d-${String(n).padStart(12, '0')}` },
  });

/**
 * Spec §4: the WebHook answers `503` with `Retry-After` when the store is down, so that Sekoia.io
 * sends the notification again; nothing is answered `202` that the store did not take. A Redis of
 * its own (the machine's `redis-server`), stopped under the bot: the shared work queue (BullMQ)
 * then fails with the client library's own errors, which must still reach the WebHook as a 503.
 */
describe('the WebHook while Redis is down', () => {
  let redis: PrivateEngine;
  let bot: TestBot;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    bot = await startBot({ env: { STORE_URL: redis.url } });
  });
  afterAll(async () => {
    await redis?.crash();
    await bot?.stop();
    await redis?.close();
  });

  it('answers 202 while Redis takes the job, then 503 with Retry-After, and /readyz says so', async () => {
    const post = (n: number) =>
      fetch(bot.webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: notification(n),
      });
    expect((await post(1)).status).toBe(202);

    await redis.crash();
    const refused = await post(2);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await refused.json()).toMatchObject({ code: 'store_unavailable' });
    expect((await fetch(`${bot.url}/readyz`)).status).toBe(503);
  });
});
