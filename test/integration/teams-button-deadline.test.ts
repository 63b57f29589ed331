import { afterEach, describe, expect, it } from 'vitest';
import { alertUrgency } from '../fakes/fake-sekoia/index.ts';
import { activityTexts, cardContent, startTeamsWorld, type TeamsWorld } from './start-teams-world.ts';

/**
 * Issue 10 item 10 on Teams: the invoke is answered within the deadline (200 ms here instead of
 * 2 s) even when Sekoia.io is slow; the fake Bot Connector gives up on an invoke after 1.2 s here
 * (5 s by default, Microsoft's documented invoke limit), so a bot that waits fails these tests.
 */
describe('Teams buttons answer within their deadline', () => {
  let world: TeamsWorld;
  let botUrl: string;

  afterEach(async () => {
    await world.close();
  });

  const start = async () => {
    world = await startTeamsWorld({ actionDeadlineMs: 200, connector: { invokeTimeoutMs: 1_200 } });
    botUrl = world.messagesUrl;
    await world.command('subscribe alert-raised urgency>=high');
    const alert = world.sekoia.addAlert({ urgency: alertUrgency(90) });
    await expect
      .poll(() => JSON.stringify(cardContent(world.cardOf(alert.short_id)) ?? {}))
      .toContain('alert.acknowledge');
    return { alert, messageId: world.cardOf(alert.short_id)?.id ?? '' };
  };
  const acknowledge = async (messageId: string) => {
    const started = performance.now();
    const result = await world.connector.sendInvoke({
      botUrl,
      from: world.ana.id,
      activityId: messageId,
      verb: 'alert.acknowledge',
      data: {},
    });
    return { result, tookMs: performance.now() - started };
  };
  const card = (messageId: string) => JSON.stringify(world.connector.getMessage(messageId)?.activity);

  it('acknowledges at once, then updates the card for everyone and notes who did it', async () => {
    const { alert, messageId } = await start();
    world.sekoia.setLatency(600);
    const { result, tookMs } = await acknowledge(messageId);
    expect(result.status).toBe(200);
    expect(result.body).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: `Acknowledging ${alert.short_id}; the card will update when Sekoia.io answers.`,
    });
    expect(tookMs).toBeLessThan(1_200);
    await expect.poll(() => card(messageId), { timeout: 10_000 }).toMatch(/Acknowledged by Ana Analyst/);
    expect(world.sekoia.getAlert(alert.uuid)?.status.name).toBe('Acknowledged');
    await expect
      .poll(() => activityTexts(world.connector.thread(messageId)), { timeout: 10_000 })
      .toMatch(/Pending.*Acknowledged.*Ana Analyst/);
  });

  it('tells the clicker in the card thread, with a mention, when Sekoia.io fails after the deadline', async () => {
    const { alert, messageId } = await start();
    const before = card(messageId);
    world.sekoia.setLatency(600);
    world.sekoia.failNext(5, 503, { match: (r) => r.method === 'PATCH' });
    const { result } = await acknowledge(messageId);
    expect(JSON.stringify(result.body)).toMatch(/Acknowledging/);
    await expect
      .poll(() => activityTexts(world.connector.thread(messageId)), { timeout: 10_000 })
      .toMatch(/<at>Ana Analyst<\/at> Could not acknowledge/);
    const reply = world.connector.thread(messageId).at(-1)?.activity;
    expect(reply?.entities).toEqual([
      { type: 'mention', text: '<at>Ana Analyst</at>', mentioned: { id: world.ana.id, name: 'Ana Analyst' } },
    ]);
    expect(world.sekoia.getAlert(alert.uuid)?.status.name).toBe('Pending');
    expect(card(messageId)).toBe(before);
  });

  it('reports an accepted change as done although re-reading the alert fails', async () => {
    const { alert, messageId } = await start();
    world.sekoia.failNext(10, 503, { match: (r) => r.method === 'GET' && r.path.endsWith(alert.uuid) });
    const { result } = await acknowledge(messageId);
    expect(result.body).toMatchObject({
      statusCode: 200,
      value: expect.stringMatching(/acknowledged in Sekoia\.io/),
    });
    expect(JSON.stringify(result.body)).not.toMatch(/Could not/);
    expect(world.sekoia.getAlert(alert.uuid)?.status.name).toBe('Acknowledged');
  });
});
