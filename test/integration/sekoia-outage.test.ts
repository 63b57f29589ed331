import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildAlertWebhook, type FakeSekoia, startFakeSekoia } from '../fakes/fake-sekoia/index.ts';
import { postJson, startBot, type TestBot } from './start-bot.ts';

describe('Sekoia.io API outage', () => {
  let sekoia: FakeSekoia;
  let bot: TestBot | undefined;

  beforeEach(async () => {
    sekoia = await startFakeSekoia({});
  });
  afterEach(async () => {
    await bot?.stop();
    await sekoia.close();
  });

  const alertReads = (uuid: string) =>
    sekoia.requests.filter(
      (r) => r.method === 'GET' && r.path.includes(uuid) && !r.path.endsWith('/workflow'),
    );

  it('holds the event while the API answers 503 and processes it once the API is back', async () => {
    bot = await startBot({
      env: { SEKOIA_API_URL: sekoia.url, SEKOIA_API_KEY: sekoia.apiKey },
      worker: { enrichAttempts: 1_000 },
    });
    const alert = sekoia.addAlert({});
    sekoia.setDown(true);
    expect((await postJson(bot.webhookUrl, buildAlertWebhook({ alert, action: 'created' }))).status).toBe(
      202,
    );
    await expect.poll(() => alertReads(alert.uuid).length).toBeGreaterThanOrEqual(4);
    expect(bot.delivery.delivered).toEqual([]);
    sekoia.setDown(false);
    await expect.poll(() => bot?.delivery.delivered.length).toBe(1);
    expect(bot.delivery.delivered[0]).toMatchObject({
      kind: 'alert',
      enriched: true,
      alert: { title: alert.title },
    });
  });

  it('posts from the WebHook alone when the API stays down, then completes the card when it answers', async () => {
    bot = await startBot({
      env: { SEKOIA_API_URL: sekoia.url, SEKOIA_API_KEY: sekoia.apiKey },
      worker: { enrichAttempts: 2, refreshDelayMs: 50 },
    });
    const alert = sekoia.addAlert({});
    sekoia.setDown(true);
    const payload = buildAlertWebhook({
      alert,
      action: 'created',
      extraAttributes: { rule_name: 'From the hook' },
    });
    await postJson(bot.webhookUrl, payload);
    await expect.poll(() => bot?.delivery.delivered.length).toBe(1);
    expect(bot.delivery.delivered[0]).toMatchObject({
      enriched: false,
      alert: {
        uuid: alert.uuid,
        rule: { name: 'From the hook' },
        link: expect.stringContaining(alert.short_id),
      },
    });
    sekoia.setDown(false);
    await expect.poll(() => bot?.delivery.delivered.length).toBe(2);
    const [fallback, completed] = bot.delivery.delivered;
    expect(completed).toMatchObject({ enriched: true, alert: { title: alert.title } });
    expect(completed?.event.id).toBe(fallback?.event.id);
  });

  it('posts from the WebHook at once, without retrying, when the API refuses the key', async () => {
    bot = await startBot({ env: { SEKOIA_API_URL: sekoia.url, SEKOIA_API_KEY: 'not-a-valid-key' } });
    const alert = sekoia.addAlert({});
    await postJson(bot.webhookUrl, buildAlertWebhook({ alert, action: 'created' }));
    await expect.poll(() => bot?.delivery.delivered.length).toBe(1);
    expect(bot.delivery.delivered[0]).toMatchObject({ enriched: false });
    expect(alertReads(alert.uuid)).toHaveLength(1);
    expect(await bot.app.queue.stats()).toEqual({ pending: 0, running: 0, dead: 0 });
  });
});
