import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertUrgency, buildAlertWebhook, type FakeAlert } from '../fakes/fake-sekoia/index.ts';
import { sharedStoreEngines } from './shared-store-engines.ts';
import { postJson, type TestBot } from './start-bot.ts';
import { type MattermostWorld, startMattermostWorld } from './start-mattermost-world.ts';

// Issue 13: the shared queue does not order an alert's notifications; handling does not need it.
// Every event job reads the alert's current state, the newest observation is kept, and a card job
// takes the card's lease across replicas before posting or editing.
const engines = sharedStoreEngines({ database: `chatops_order_${process.pid}`, redisDb: 14 });
// Quick retries: a card job that finds its card leased by the other bot comes due again soon.
const WORKER = { backoffBaseMs: 100, pollMs: 50 };
const STATUS_ORDER = ['Pending', 'Acknowledged'];

interface CardProps {
  sekoia_alert_uuid?: string;
  attachments?: { fields?: { title: string; value: unknown }[] }[];
}

const fieldOf = (props: CardProps | undefined, title: string) =>
  String(props?.attachments?.[0]?.fields?.find((field) => field.title === title)?.value ?? '');

describe.each(engines)("two bots on one %s store, an alert's notifications in any order", (_name, engine) => {
  let world: MattermostWorld;
  let botB: TestBot | undefined;
  const raisedChannel = () => world.channelId;
  const updatedChannel = () => world.otherChannelId;

  beforeAll(async () => {
    await engine.setUp();
    world = await startMattermostWorld({ env: { STORE_URL: engine.storeUrl }, worker: WORKER });
    botB = await world.startReplica(WORKER);
    // Rules that stop matching when the urgency drops: the cards are then kept current only because
    // the store knows which channels show the alert.
    expect(await world.command('subscribe alert-raised urgency>=high')).toMatch(/Rule \S+ created/);
    const statusChanges = 'subscribe alert-updated change=status';
    expect(await world.command(statusChanges, updatedChannel())).toMatch(/Rule \S+ created/);
  });
  afterAll(async () => {
    await botB?.stop();
    await world?.close();
    await engine.tearDown();
  });

  const bots = () => ({ a: world.bot, b: botB as TestBot });

  /** Raised and then acknowledged and made more urgent in Sekoia.io, before any notification left. */
  const raiseAndChange = (title: string): FakeAlert => {
    const { uuid } = world.sekoia.addAlert({ title, urgency: alertUrgency(60) }, { notify: false });
    const change = { statusName: 'Acknowledged' as const, urgency: alertUrgency(85) };
    return world.sekoia.updateAlert(uuid, change, { notify: false });
  };
  const created = (alert: FakeAlert) => buildAlertWebhook({ alert, action: 'created' });
  const updated = (alert: FakeAlert) =>
    buildAlertWebhook({
      alert,
      action: 'updated',
      updated: { status: alert.status.uuid, status_name: alert.status.name, dynamic_urgency_value: 85 },
    });
  const send = async (bot: TestBot, payload: unknown) => {
    expect((await postJson(bot.webhookUrl, payload)).status).toBe(202);
  };

  const cardsOf = (alertUuid: string, channelId: string) =>
    world.cards(channelId).filter((post) => post.props.sekoia_alert_uuid === alertUuid);
  /** The card is there, alone, in the alert's final state. */
  const finalCard = (alertUuid: string, channelId: string) => {
    const cards = cardsOf(alertUuid, channelId);
    const props = cards[0]?.props as CardProps | undefined;
    return { cards: cards.length, status: fieldOf(props, 'Status'), urgency: fieldOf(props, 'Urgency') };
  };
  const FINAL = {
    cards: 1,
    status: expect.stringContaining('Acknowledged'),
    urgency: expect.stringContaining('85'),
  };

  /** Every status a card of the alert showed in the channel, in the order written (post, then edits). */
  const statusesShown = (alertUuid: string, channelId: string): string[] => {
    const cardIds = new Set(cardsOf(alertUuid, channelId).map((post) => post.id));
    return world.mattermost.requests.flatMap((request) => {
      const body = (request.body ?? {}) as { channel_id?: string; root_id?: string; props?: CardProps };
      const posted =
        request.method === 'POST' &&
        request.path === '/api/v4/posts' &&
        body.channel_id === channelId &&
        !body.root_id &&
        body.props?.sekoia_alert_uuid === alertUuid;
      const edited = request.method === 'PUT' && cardIds.has(request.path.split('/')[4] ?? '');
      return posted || edited ? [fieldOf(body.props, 'Status')] : [];
    });
  };
  const rank = (status: string) => STATUS_ORDER.findIndex((name) => status.includes(name));

  /** In both channels: one card, in the final state, never shown older, with no status note in its thread. */
  const expectFinalEverywhere = (alertUuid: string) => {
    for (const channelId of [raisedChannel(), updatedChannel()]) {
      expect(finalCard(alertUuid, channelId)).toEqual(FINAL);
      const shown = statusesShown(alertUuid, channelId).map(rank);
      expect(shown.length).toBeGreaterThan(0);
      expect(shown).toEqual(shown.toSorted());
      // Posted in its final status: a note would tell of a status change that never happened.
      expect(world.mattermost.thread(cardsOf(alertUuid, channelId)[0]?.id ?? '')).toEqual([]);
    }
  };

  /** The queue has nothing left (no retry waiting that could still post), and nothing gave up. */
  const settled = async () => {
    await expect
      .poll(async () => await world.bot.app.queue.stats(), { timeout: 15_000, interval: 100 })
      .toMatchObject({ pending: 0, dead: 0 });
  };

  it.each([
    ['at the same instant', 0],
    ['`updated` first, `created` a moment later', 30],
  ])(
    '`created` to bot A and `updated` to bot B %s: one card per channel, in its final state, never going back',
    async (_order, lagMs) => {
      const { a, b } = bots();
      const alert = raiseAndChange(`Mimikatz on WS-${lagMs}`);
      const late = async () => {
        await new Promise((resolve) => setTimeout(resolve, lagMs));
        await send(a, created(alert));
      };
      await Promise.all([send(b, updated(alert)), lagMs === 0 ? send(a, created(alert)) : late()]);

      for (const channelId of [raisedChannel(), updatedChannel()]) {
        await expect.poll(() => finalCard(alert.uuid, channelId), { timeout: 10_000 }).toEqual(FINAL);
      }
      await settled();
      expectFinalEverywhere(alert.uuid);
    },
  );

  it('a read Sekoia.io answers late, with the alert as it was when asked, does not undo a read made after the change', async () => {
    const { a, b } = bots();
    const raised = world.sekoia.addAlert(
      { title: 'Slow read', urgency: alertUrgency(60) },
      { notify: false },
    );
    const isRead = (request: { method: string; path: string }) =>
      request.method === 'GET' && request.path.endsWith(`/v1/sic/alerts/${raised.uuid}`);
    // The first read is answered after a bot's 2 s between two reads of one alert, so that the read
    // for the `updated` is made and done meanwhile, whichever bot makes it.
    world.sekoia.respondNext(1, { status: 200, body: raised }, isRead);
    world.sekoia.setLatency(2_500);
    await send(a, created(raised));
    await expect.poll(() => world.sekoia.requests.filter(isRead).length).toBe(1);
    world.sekoia.setLatency(0);
    const change = { statusName: 'Acknowledged' as const, urgency: alertUrgency(85) };
    await send(b, updated(world.sekoia.updateAlert(raised.uuid, change, { notify: false })));

    for (const channelId of [raisedChannel(), updatedChannel()]) {
      await expect.poll(() => finalCard(raised.uuid, channelId), { timeout: 10_000 }).toEqual(FINAL);
    }
    await settled();
    expectFinalEverywhere(raised.uuid);
  });

  it('30 alerts, each `created` to A while `updated` and the same `created` again reach B: one card each per channel', async () => {
    const { a, b } = bots();
    const alerts = Array.from({ length: 30 }, (_, index) => raiseAndChange(`Beacon ${index}`));
    await Promise.all(
      alerts.flatMap((alert) => {
        const notice = created(alert);
        return [send(a, notice), send(b, updated(alert)), send(b, notice)];
      }),
    );

    const allFinal = () =>
      alerts.flatMap((alert) =>
        [raisedChannel(), updatedChannel()].map((channel) => finalCard(alert.uuid, channel)),
      );
    await expect.poll(allFinal, { timeout: 15_000, interval: 200 }).toEqual(Array(60).fill(FINAL));
    await settled();
    for (const alert of alerts) expectFinalEverywhere(alert.uuid);

    // Later the urgency drops: no rule matches any more, every card still follows.
    for (const alert of alerts) world.sekoia.updateAlert(alert.uuid, { urgency: alertUrgency(30) });
    const urgencies = () =>
      alerts.flatMap((alert) =>
        [raisedChannel(), updatedChannel()].map((channel) => finalCard(alert.uuid, channel).urgency),
      );
    await expect
      .poll(urgencies, { timeout: 15_000, interval: 200 })
      .toEqual(Array(60).fill(expect.stringContaining('30')));
  });
});
