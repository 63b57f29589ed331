import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alertUrgency, buildAlertWebhook } from '../fakes/fake-sekoia/index.ts';
import { postJson, startBot } from './start-bot.ts';
import { cardContent, startTeamsWorld, type TeamsWorld } from './start-teams-world.ts';

interface CardAction {
  type: string;
  title?: string;
  verb?: string;
  url?: string;
  data?: Record<string, unknown>;
  card?: { actions?: CardAction[] };
}

const actionsOf = (card: Record<string, unknown> | undefined) =>
  (card?.actions as CardAction[] | undefined) ?? [];
const executeData = (card: Record<string, unknown> | undefined, verb: string) => {
  for (const action of actionsOf(card)) {
    if (action.verb === verb) return action.data ?? {};
    const inner = action.card?.actions?.find((a) => a.verb === verb);
    if (inner) return inner.data ?? {};
  }
  return undefined;
};
const factsOf = (card: Record<string, unknown> | undefined) => JSON.stringify(card ?? {});

describe('Microsoft Teams end to end (bot, fake Sekoia.io, fake Bot Connector over real HTTP)', () => {
  let world: TeamsWorld;

  beforeEach(async () => {
    world = await startTeamsWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  const subscribeHigh = async () => {
    const replies = await world.command('subscribe alert-raised urgency>=high');
    const text = JSON.stringify(replies.map((r) => r.activity));
    const ruleId = /Rule (\w+) created/.exec(text)?.[1];
    expect(ruleId, text).toBeDefined();
    return ruleId ?? '';
  };

  it('subscribes with @Sekoia, posts one Adaptive Card for a matching alert, keeps it current', async () => {
    const ruleId = await subscribeHigh();
    const announcement = world.connector
      .messages()
      .find((m) => JSON.stringify(m.activity).includes(`created rule ${ruleId}`));
    expect(announcement?.channelId).toBe(world.channelId);
    const high = world.sekoia.addAlert({ urgency: alertUrgency(90) });
    world.sekoia.addAlert({ urgency: alertUrgency(10) });
    await expect
      .poll(() => executeData(cardContent(world.cardOf(high.short_id)), 'alert.acknowledge'))
      .toBeDefined();
    expect(world.cards()).toHaveLength(1);
    const message = world.cardOf(high.short_id);
    const card = cardContent(message);
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(factsOf(card)).toContain('attention');
    expect(factsOf(card)).toContain(ruleId);
    expect(actionsOf(card).length).toBeLessThanOrEqual(6);
    expect(actionsOf(card).find((a) => a.type === 'Action.OpenUrl')?.url).toBe(
      `${world.sekoia.appUrl}/operations/alerts/${high.short_id}`,
    );
    expect(world.cards(world.otherChannelId)).toHaveLength(0);

    world.sekoia.updateAlert(high.uuid, { statusName: 'Acknowledged' });
    await expect.poll(() => factsOf(cardContent(world.cardOf(high.short_id)))).toContain('Acknowledged');
    expect(world.cardOf(high.short_id)?.id).toBe(message?.id);
    expect(world.cards()).toHaveLength(1);
    await expect
      .poll(() => JSON.stringify(world.connector.thread(message?.id ?? '').map((m) => m.activity)))
      .toMatch(/Pending.*Acknowledged/);
    // The card went out with its buttons in one request; the status change is an edit in place.
    const puts = world.connector.requests.filter(
      (r) => r.method === 'PUT' && r.path.endsWith(`/activities/${message?.id}`),
    );
    expect(puts.length).toBeGreaterThanOrEqual(1);
  });

  it('creates nothing new when the same notification arrives twice', async () => {
    await subscribeHigh();
    const alert = world.sekoia.addAlert({ urgency: alertUrgency(85) }, { notify: false });
    const payload = buildAlertWebhook({ alert, action: 'created', uuid: 'notif-dup' });
    await postJson(world.bot.webhookUrl, payload);
    await postJson(world.bot.webhookUrl, payload);
    await expect.poll(() => world.cardOf(alert.short_id)).toBeDefined();
    await expect.poll(async () => (await world.bot.app.queue.stats()).pending).toBe(0);
    expect(world.cards()).toHaveLength(1);
    expect(
      world.connector.requests.filter((r) => r.method === 'POST' && r.path === '/v3/conversations'),
    ).toHaveLength(2);
  });

  it('acknowledges from the card: Sekoia.io gets it with the Teams user, the clicker gets the new card, everyone else too', async () => {
    await subscribeHigh();
    const alert = world.sekoia.addAlert({ urgency: alertUrgency(80) });
    await expect
      .poll(() => executeData(cardContent(world.cardOf(alert.short_id)), 'alert.acknowledge'))
      .toBeDefined();
    const message = world.cardOf(alert.short_id);
    const data = executeData(cardContent(message), 'alert.acknowledge') ?? {};
    const result = await world.connector.sendInvoke({
      botUrl: `${world.bot.url}/api/messages`,
      from: world.ana.id,
      activityId: message?.id ?? '',
      verb: 'alert.acknowledge',
      data,
    });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(JSON.stringify(result.body)).toContain('Acknowledged');
    expect(world.sekoia.getAlert(alert.uuid)?.status.name).toBe('Acknowledged');
    const patch = world.sekoia.requests.find(
      (r) => r.method === 'PATCH' && r.path.endsWith(`${alert.uuid}/workflow`),
    );
    expect(JSON.stringify(patch?.body)).toContain('Acknowledged from Microsoft Teams by @Ana Analyst');
    await expect
      .poll(() => factsOf(cardContent(world.cardOf(alert.short_id))))
      .toContain('Acknowledged by Ana Analyst');
    expect(executeData(cardContent(world.cardOf(alert.short_id)), 'alert.acknowledge')).toBeUndefined();
  });

  it('refuses tampered or transplanted action data and changes nothing', async () => {
    await subscribeHigh();
    const first = world.sekoia.addAlert({ urgency: alertUrgency(80) });
    const second = world.sekoia.addAlert({ urgency: alertUrgency(81) });
    await expect
      .poll(() => executeData(cardContent(world.cardOf(second.short_id)), 'alert.acknowledge'))
      .toBeDefined();
    await expect
      .poll(() => executeData(cardContent(world.cardOf(first.short_id)), 'alert.acknowledge'))
      .toBeDefined();
    const cardA = world.cardOf(first.short_id);
    const cardB = world.cardOf(second.short_id);
    const dataA = executeData(cardContent(cardA), 'alert.acknowledge') ?? {};
    const signed = dataA.g as Record<string, unknown>;
    const invoke = (activityId: string, verb: string, data: Record<string, unknown>) =>
      world.connector.sendInvoke({
        botUrl: `${world.bot.url}/api/messages`,
        from: world.ana.id,
        activityId,
        verb,
        data,
      });
    const answers = [
      await invoke(cardB?.id ?? '', 'alert.acknowledge', dataA),
      await invoke(cardA?.id ?? '', 'alert.validate', dataA),
      await invoke(cardA?.id ?? '', 'alert.validate', { g: { ...signed, a: 'validate' } }),
      await invoke(cardA?.id ?? '', 'alert.acknowledge', { g: { ...signed, al: second.uuid } }),
      await invoke(cardA?.id ?? '', 'alert.acknowledge', { g: null }),
    ];
    expect(answers.map((a) => (a.body as { statusCode?: number }).statusCode)).toEqual([
      403, 403, 403, 403, 403,
    ]);
    expect(world.sekoia.requests.filter((r) => r.method === 'PATCH')).toHaveLength(0);
  });

  it('delays through a 429 storm from the connector and loses nothing', async () => {
    await subscribeHigh();
    world.connector.rateLimitNext(5, 0);
    const alert = world.sekoia.addAlert({ urgency: alertUrgency(95) });
    await expect
      .poll(() => executeData(cardContent(world.cardOf(alert.short_id)), 'alert.acknowledge'), {
        timeout: 10_000,
      })
      .toBeDefined();
    expect(world.cards()).toHaveLength(1);
  });

  it('renders a hostile alert title inert', async () => {
    await subscribeHigh();
    const alert = world.sekoia.addAlert({
      title: '@all [x](http://evil) <b>bold</b> <at>Ana</at>',
      urgency: alertUrgency(99),
    });
    await expect.poll(() => world.cardOf(alert.short_id)).toBeDefined();
    const text = JSON.stringify(cardContent(world.cardOf(alert.short_id)));
    expect(text).not.toContain('](http://evil)');
    expect(text).not.toContain('<b>');
    expect(text).not.toContain('<at>');
  });
});

describe('Teams with an app id configured', () => {
  it('refuses an activity without a valid token with 401', async () => {
    const bot = await startBot({
      env: {
        MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
        MicrosoftAppPassword: 'not-a-real-secret',
        MicrosoftAppType: 'MultiTenant',
      },
    });
    try {
      const activity = {
        type: 'message',
        text: 'help',
        channelId: 'msteams',
        serviceUrl: 'https://smba.trafficmanager.net/emea/',
        from: { id: '29:x' },
        recipient: { id: '28:y' },
        conversation: { id: 'a:1' },
      };
      expect((await postJson(`${bot.url}/api/messages`, activity)).status).toBe(401);
      expect(
        (await postJson(`${bot.url}/api/messages`, activity, { authorization: 'Bearer forged.token.value' }))
          .status,
      ).toBe(401);
    } finally {
      await bot.stop();
    }
  });
});
