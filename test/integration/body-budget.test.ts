import { afterEach, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../src/http/read-json-body.ts';
import { openSlowUpload, paddedNotification } from './open-slow-upload.ts';
import { postJson, startBot, type TestBot } from './start-bot.ts';

const SIZE = 100_000;

describe('the bytes held for request bodies are bounded, all requests together (real server)', () => {
  let bot: TestBot;
  afterEach(async () => {
    await bot.stop();
  });

  /** A full body to a path that stores nothing: 404 once admitted, 503 while the budget is spent. */
  const probe = async () => {
    const response = await postJson(`${bot.url}/hooks/sekoia/wrong`, paddedNotification(SIZE).toString());
    await response.text();
    return response.status;
  };
  const post = async () => (await postJson(bot.webhookUrl, paddedNotification(SIZE).toString())).status;

  it('refuses senders beyond the budget with 503 and Retry-After, accepts the others, then recovers', async () => {
    bot = await startBot({ bodyBudgetBytes: 3 * SIZE });
    const held = [1, 2, 3].map(() => openSlowUpload(bot.webhookUrl, SIZE));
    await expect.poll(probe).toBe(503);
    const late = [1, 2].map(() => openSlowUpload(bot.webhookUrl, SIZE));
    for (const upload of late) {
      const answer = await upload.answer;
      expect(answer).toMatchObject({ status: 503, retryAfter: '5' });
      expect(JSON.parse(answer.body)).toMatchObject({ code: 'server_busy' });
      // The rest of a refused body is discarded as it comes, not held.
      upload.finish();
    }
    // Requests without a body are not held back.
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    for (const upload of held) upload.finish();
    expect((await Promise.all(held.map((upload) => upload.answer))).map((a) => a.status)).toEqual([
      202, 202, 202,
    ]);
    await expect.poll(probe).toBe(404);
    expect(await post()).toBe(202);
    await expect.poll(() => bot.delivery.delivered.length).toBe(4);
  });

  it('gives back the bytes of a sender that drops its connection halfway', async () => {
    bot = await startBot({ bodyBudgetBytes: 2 * SIZE });
    const dropped = openSlowUpload(bot.webhookUrl, SIZE);
    const kept = openSlowUpload(bot.webhookUrl, SIZE);
    await expect.poll(probe).toBe(503);
    dropped.abort();
    await expect.poll(probe).toBe(404);
    kept.finish();
    expect((await kept.answer).status).toBe(202);
    expect(await post()).toBe(202);
    expect(await bot.app.queue.stats()).toMatchObject({ dead: 0 });
  });

  it('holds the largest body size for a chunked body, which declares no length', async () => {
    bot = await startBot({ bodyBudgetBytes: MAX_BODY_BYTES });
    const chunked = openSlowUpload(bot.webhookUrl, SIZE, { chunked: true });
    await expect.poll(probe).toBe(503);
    chunked.finish();
    expect((await chunked.answer).status).toBe(202);
    await expect.poll(probe).toBe(404);
  });
});
