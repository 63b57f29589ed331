import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postJson, startBot, type TestBot } from './start-bot.ts';

/**
 * The WebHook is served ahead of restify's router (src/server/serve-hot-route.ts). These check that
 * the plain request takes that way, that every other shape still goes through restify, and that the
 * answers are the same either way.
 */
describe('the WebHook route ahead of restify', () => {
  let bot: TestBot;
  let routed: string[];

  beforeEach(async () => {
    bot = await startBot({});
    routed = [];
    // restify emits 'pre' for every request its router handles, and never for one taken before it.
    bot.app.server.on('pre', (req: { url?: string }) => routed.push(req.url ?? ''));
  });
  afterEach(async () => {
    await bot.stop();
  });

  const event = {
    type: 'alert',
    action: 'created',
    attributes: { uuid: '6f0c7b1e-8f0a-4a54-9d52-2b7a4f0c9e11' },
  };

  it('takes a plain POST itself, with the request id, Server header and answer restify would give', async () => {
    const response = await fetch(bot.webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'sekoia-delivery-42' },
      body: JSON.stringify(event),
    });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ status: 'accepted', id: expect.any(String) });
    expect(response.headers.get('x-request-id')).toBe('sekoia-delivery-42');
    expect(response.headers.get('server')).toBe('sekoia-chatops');
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(routed).toEqual([]);
  });

  it('leaves a query string, another method and an unknown path to restify, with the same answers', async () => {
    const viaRouter = await postJson(`${bot.webhookUrl}?from=sekoia`, event);
    expect(viaRouter.status).toBe(202);
    const wrongMethod = await fetch(bot.webhookUrl, { method: 'GET' });
    expect(wrongMethod.status).toBe(404);
    expect(routed).toHaveLength(2);
    // A wrong secret is refused on the hot way, an unknown path by restify: nothing tells them apart.
    const wrong = await postJson(`${bot.url}/hooks/sekoia/guess`, event);
    const unknown = await postJson(`${bot.url}/no/such/path`, event);
    expect(routed).toHaveLength(3);
    expect([wrong.status, unknown.status]).toEqual([404, 404]);
    expect(await wrong.text()).toBe(await unknown.text());
    const comparable = (r: Response) =>
      [...r.headers.entries()].filter(([name]) => !['date', 'x-request-id'].includes(name));
    expect(comparable(wrong)).toEqual(comparable(unknown));
  });

  it('answers a refused body on the hot way exactly as through restify', async () => {
    const bad = { nope: 1 };
    const hot = await postJson(bot.webhookUrl, bad);
    const routedAnswer = await postJson(`${bot.webhookUrl}?x=1`, bad);
    expect([hot.status, routedAnswer.status]).toEqual([400, 400]);
    expect(await hot.text()).toBe(await routedAnswer.text());
    expect(routed).toHaveLength(1);
  });
});
