import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildAlertWebhook, type FakeSekoia, startFakeSekoia } from '../fakes/fake-sekoia/index.ts';
import { postJson, startBot, type TestBot } from './start-bot.ts';

const seedCreated = JSON.parse(
  readFileSync(new URL('../fixtures/sekoia/alert-created.json', import.meta.url), 'utf8'),
);

describe('Sekoia.io WebHook ingress (real server, fake Sekoia.io API)', () => {
  let sekoia: FakeSekoia;
  let bot: TestBot;

  beforeEach(async () => {
    sekoia = await startFakeSekoia({});
    bot = await startBot({ env: { SEKOIA_API_URL: sekoia.url, SEKOIA_API_KEY: sekoia.apiKey } });
  });
  afterEach(async () => {
    await bot.stop();
    await sekoia.close();
  });

  const alertsDelivered = () => bot.delivery.delivered.filter((n) => n.kind === 'alert');

  it('stores the reference example, answers 202, enriches it through the API and delivers it once', async () => {
    const alert = sekoia.addAlert({
      uuid: seedCreated.attributes.uuid,
      short_id: seedCreated.attributes.short_id,
    });
    const response = await postJson(bot.webhookUrl, seedCreated);
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ status: 'accepted', id: expect.any(String) });
    await expect.poll(() => alertsDelivered().length).toBe(1);
    expect(alertsDelivered()[0]).toMatchObject({
      trigger: 'alert-raised',
      enriched: true,
      alert: {
        uuid: alert.uuid,
        shortId: alert.short_id,
        title: alert.title,
        urgency: alert.urgency.current_value,
      },
    });
    const reads = sekoia.requests.filter(
      (r) => r.method === 'GET' && r.path.includes(alert.uuid) && !r.path.endsWith('/workflow'),
    );
    expect(reads).toHaveLength(1);
    expect(reads[0]?.headers.authorization).toBe(`Bearer ${sekoia.apiKey}`);
  });

  it('does not process a notification sent twice, nor one that shares its metadata.uuid', async () => {
    const alert = sekoia.addAlert({});
    const payload = buildAlertWebhook({ alert, action: 'created', uuid: 'notif-1' });
    const responses = [
      await postJson(bot.webhookUrl, payload),
      await postJson(bot.webhookUrl, payload),
      await postJson(bot.webhookUrl, { ...payload, metadata: { ...payload.metadata, created_at: 'x' } }),
    ];
    expect(responses.map((r) => r.status)).toEqual([202, 202, 202]);
    await expect.poll(async () => metric(bot, 'sekoia_chatops_events_deduplicated_total')).toBe(2);
    await expect.poll(async () => (await bot.app.queue.stats()).pending).toBe(0);
    expect(alertsDelivered()).toHaveLength(1);
  });

  it('delivers an update with what changed', async () => {
    const alert = sekoia.addAlert({});
    await postJson(bot.webhookUrl, buildAlertWebhook({ alert, action: 'created' }));
    const update = buildAlertWebhook({ alert, action: 'updated', updated: { similar: 4 } });
    expect((await postJson(bot.webhookUrl, update)).status).toBe(202);
    await expect.poll(() => alertsDelivered().length).toBe(2);
    expect(alertsDelivered().find((n) => n.trigger === 'alert-updated')).toMatchObject({
      changes: ['occurrence'],
    });
  });

  it('accepts, stores and reports an unknown type instead of dropping it', async () => {
    const body = {
      type: 'connector-error',
      action: 'created',
      attributes: { x: 1 },
      metadata: { created_at: 'now' },
    };
    expect((await postJson(bot.webhookUrl, body)).status).toBe(202);
    await expect.poll(() => bot.delivery.delivered.length).toBe(1);
    expect(bot.delivery.delivered[0]).toMatchObject({
      kind: 'other',
      known: false,
      event: { type: 'connector-error' },
    });
    expect(await metric(bot, 'sekoia_chatops_events_received_total{type="other"}')).toBe(1);
  });

  it.each([
    ['an alert without attributes', { type: 'alert', action: 'created' }],
    ['an alert whose UUID is not one', { type: 'alert', action: 'created', attributes: { uuid: 'n/a' } }],
    ['an alert without metadata', { type: 'alert', action: 'updated', attributes: { uuid: 7 } }],
    ['a notification of type only', { type: 'intake-no-events' }],
    ['fields of the wrong types', { type: 'case', action: [], attributes: 'x', metadata: 3 }],
  ])('stores %s (202) and keeps it as "other" without retrying it', async (_label, body) => {
    const response = await postJson(bot.webhookUrl, body);
    expect(response.status).toBe(202);
    await expect.poll(() => bot.delivery.delivered.length).toBe(1);
    expect(bot.delivery.delivered[0]).toMatchObject({ kind: 'other', event: { type: body.type } });
    expect(await bot.app.queue.stats()).toEqual({ pending: 0, running: 0, dead: 0 });
    expect(sekoia.requests).toEqual([]);
  });

  it('stores the body as received, not as re-serialised', async () => {
    await bot.app.worker.stop();
    const body =
      '{ "type" : "content-proposal", "attributes": {"uuid":"r1", "score": 1.50, ' +
      '"big": 12345678901234567890, "name": "caf\u00e9"}, "metadata": {"created_at": "t1"} }';
    expect((await postJson(bot.webhookUrl, body)).status).toBe(202);
    const { jobs } = await bot.app.queue.claim(10, 60_000);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.payload).toContain(body);
    expect(JSON.parse(jobs[0]?.payload ?? '')).toMatchObject({ event: { type: 'content-proposal' } });
  });

  describe('refuses bad input with the status of the spec, storing nothing', () => {
    const valid = () => buildAlertWebhook({ alert: sekoia.addAlert({}), action: 'created' });

    it.each([
      ['a wrong secret', 'wrong', 'application/json', () => JSON.stringify(valid()), 404],
      ['a missing secret', '', 'application/json', () => JSON.stringify(valid()), 404],
      ['a body that is not JSON', 'ok', 'application/json', () => '{"type": "alert",', 400],
      ['JSON without a type', 'ok', 'application/json', () => JSON.stringify({ action: 'created' }), 400],
      ['a type that is not a string', 'ok', 'application/json', () => '{"type":["alert"]}', 400],
      ['a JSON array', 'ok', 'application/json', () => '[]', 400],
      ['a JSON string', 'ok', 'application/json', () => '"alert"', 400],
      ['JSON null', 'ok', 'application/json', () => 'null', 400],
      ['a body nested 10,000 levels deep', 'ok', 'application/json', () => deepBody(10_000), 400],
      ['a form post', 'ok', 'application/x-www-form-urlencoded', () => 'type=alert', 415],
      [
        'a body over 1 MiB',
        'ok',
        'application/json',
        () => JSON.stringify({ ...valid(), pad: 'x'.repeat(1 << 20) }),
        413,
      ],
    ])('%s', async (_label, secret, contentType, body, status) => {
      const path = secret === 'ok' ? bot.webhookUrl : `${bot.url}/hooks/sekoia/${secret}`;
      const response = await postJson(path, body(), { 'content-type': contentType });
      expect(response.status).toBe(status);
      expect(await response.json()).toHaveProperty('code');
      expect(await bot.app.queue.stats()).toEqual({ pending: 0, running: 0, dead: 0 });
      expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    });

    it('says that a body nested too deep cannot be stored, and goes on serving', async () => {
      const response = await postJson(bot.webhookUrl, deepBody(10_000));
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: 'webhook_unstorable' });
      expect((await postJson(bot.webhookUrl, valid())).status).toBe(202);
    });

    it('answers 503 with Retry-After when the store cannot take the event', async () => {
      await bot.app.worker.stop();
      await bot.app.queue.close();
      const response = await postJson(bot.webhookUrl, valid());
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
    });

    it('answers a wrong secret exactly like an unknown path', async () => {
      const wrong = await postJson(`${bot.url}/hooks/sekoia/guess`, valid());
      const unknown = await postJson(`${bot.url}/no/such/path`, valid());
      expect([wrong.status, unknown.status]).toEqual([404, 404]);
      expect(await wrong.text()).toBe(await unknown.text());
      const comparable = (r: Response) =>
        [...r.headers.entries()].filter(([name]) => !['date', 'x-request-id'].includes(name));
      expect(comparable(wrong)).toEqual(comparable(unknown));
    });

    it('answers 413 from the declared length of a huge upload without reading it', async () => {
      const status = await new Promise<number>((resolve, reject) => {
        const req = request(bot.webhookUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': String(50 * 1024 * 1024) },
        });
        req.on('response', (res) => resolve(res.statusCode ?? 0));
        req.on('error', reject);
        req.write('{"type":');
      });
      expect(status).toBe(413);
    });
  });
});

describe('an unreadable notification with the real dispatcher', () => {
  it('is counted and shown by `status` as kept without a card', async () => {
    const sekoia = await startFakeSekoia({});
    const env = { SEKOIA_API_URL: sekoia.url, SEKOIA_API_KEY: sekoia.apiKey };
    const bot = await startBot({ env, realDelivery: true });
    try {
      const bodies = [
        { type: 'alert' },
        { type: 'alert', action: 'created', attributes: { uuid: 'x' } },
        { type: 'alert', action: 'updated', attributes: [] },
        { type: 'alert', action: 'created', metadata: { created_at: 5 } },
        { type: 'alert', action: 7 },
      ];
      const answers = await Promise.all(bodies.map((body) => postJson(bot.webhookUrl, body)));
      expect(answers.map((answer) => answer.status)).toEqual([202, 202, 202, 202, 202]);
      // Each counted once, also when they are handled at the same time.
      await expect
        .poll(async () => (await bot.app.status.read()).keptTypes)
        .toEqual([{ type: 'alert', count: 5, lastAt: expect.any(Number) }]);
      expect(await bot.app.queue.stats()).toEqual({ pending: 0, running: 0, dead: 0 });
    } finally {
      await bot.stop();
      await sekoia.close();
    }
  });
});

/**
 * A notification that was valid under every rule but nests `depth` arrays in its attributes:
 * JSON.parse reads it, JSON.stringify overflows the stack on it (a 500 before issue 10).
 */
function deepBody(depth: number): string {
  const frame = JSON.stringify({
    type: 'alert',
    action: 'created',
    attributes: { uuid: seedCreated.attributes.uuid, deep: 0 },
    metadata: { created_at: '2026-03-02T08:15:42.113902+00:00' },
  });
  return frame.replace('"deep":0', `"deep":${'['.repeat(depth)}${']'.repeat(depth)}`);
}

async function metric(bot: TestBot, series: string): Promise<number> {
  const text = await (await fetch(`${bot.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.split(' ')[1]) : 0;
}
