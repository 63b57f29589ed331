import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock, type ManualClock } from '../../src/clock.ts';
import { reminderJobs } from '../../src/delivery/reminder-job.ts';
import { alertUrgency, type FakeAlert, type FakeSekoia } from '../fakes/fake-sekoia/index.ts';
import type { TestBot } from './start-bot.ts';
import { startMattermostWorld } from './start-mattermost-world.ts';
import { startTeamsWorld } from './start-teams-world.ts';
import { waitUntilIdle } from './wait-until-idle.ts';

const MINUTE = 60_000;
const START = Date.UTC(2026, 11, 7, 9, 0, 0);

/** The same reminders on both platforms: how a rule is made, where a card and its thread are. */
interface ReminderWorld {
  sekoia: FakeSekoia;
  readonly bot: TestBot;
  /** The rule of the tests, made by command; its id. */
  subscribe(): Promise<string>;
  /** The reminder and the escalation of an alert as the thread shows them (see `shown`). */
  expected(shortId: string): { remind: string; escalate: string };
  /** Who the bot's replies in the card's thread pinged, and who they should have. */
  pinged(alert: FakeAlert): string[];
  expectedPings: string[];
  cardId(alert: FakeAlert): string | undefined;
  /** Texts of the bot's replies in the card's thread. */
  thread(alert: FakeAlert): string[];
  /** Acknowledge clicked on the card. */
  acknowledge(alert: FakeAlert): Promise<void>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

async function mattermostWorld(clock: ManualClock): Promise<ReminderWorld> {
  const world = await startMattermostWorld({ clock });
  const cardId = (alert: FakeAlert) => world.cardOf(alert.uuid)?.id;
  return {
    sekoia: world.sekoia,
    get bot() {
      return world.bot;
    },
    async subscribe() {
      const answer = await world.command(
        'subscribe alert-raised --notify @oncall --remind 15m --escalate @secops-leads 30m',
      );
      expect(shown(answer)).toContain('reminds after 15m, escalates to @secops-leads after 30m');
      return /Rule (\S+) created/.exec(answer)?.[1] ?? '';
    },
    expected: (shortId) => ({
      remind: `⏰ ${shortId} still unacknowledged after 15m — @oncall`,
      escalate: `🚨 Escalation: ${shortId} unacknowledged after 30m — @secops-leads`,
    }),
    // Mattermost pings the names written in a message as typed.
    pinged: (alert) =>
      world.mattermost
        .thread(cardId(alert) ?? '-')
        .flatMap((post) =>
          [...post.message.matchAll(/(?<![\w\u2060])@([a-z0-9._-]+)/g)].map((m) => m[1] ?? ''),
        ),
    expectedPings: ['oncall', 'secops-leads'],
    cardId,
    thread: (alert) => world.mattermost.thread(cardId(alert) ?? '-').map((post) => post.message),
    async acknowledge(alert) {
      const clicked = await world.mattermost.clickButton({
        postId: cardId(alert) ?? '',
        actionId: 'acknowledge',
        userId: world.alice.id,
      });
      expect(clicked.status).toBe(200);
    },
    restart: () => world.restart(),
    close: () => world.close(),
  };
}

async function teamsWorld(clock: ManualClock): Promise<ReminderWorld> {
  const world = await startTeamsWorld({ clock });
  const cardId = (alert: FakeAlert) => world.cardOf(alert.short_id)?.id;
  const olivia = world.connector.addUser({ name: 'Olivia Oncall' });
  world.connector.addTeamMember(world.teamId, olivia.id);
  const leads = world.connector.addTag({ teamId: world.teamId, name: 'SecOps Leads', members: [olivia.id] });
  return {
    sekoia: world.sekoia,
    get bot() {
      return world.bot;
    },
    async subscribe() {
      // People and tags are picked from the @ list: the command carries their ids.
      const answer = JSON.stringify(
        (
          await world.command(
            'subscribe alert-raised --notify @Olivia Oncall --remind 15m --escalate @SecOps Leads 30m',
            world.channelId,
            [olivia.id, leads.id],
          )
        ).map((m) => m.activity),
      );
      expect(shown(answer)).toContain('reminds after 15m, escalates to @SecOps Leads after 30m');
      return /Rule (\S+) created/.exec(answer)?.[1] ?? '';
    },
    expected: (shortId) => ({
      remind: `<at>Olivia Oncall</at> ⏰ ${shortId} still unacknowledged after 15m`,
      escalate: `<at>SecOps Leads</at> 🚨 Escalation: ${shortId} unacknowledged after 30m`,
    }),
    pinged: (alert) => world.connector.thread(cardId(alert) ?? '-').flatMap((message) => message.pinged),
    expectedPings: [olivia.id, leads.id],
    cardId,
    thread: (alert) =>
      world.connector
        .thread(cardId(alert) ?? '-')
        .map((message) => String((message.activity as { text?: unknown }).text ?? '')),
    async acknowledge(alert) {
      const clicked = await world.connector.sendInvoke({
        botUrl: `${world.bot.url}/api/messages`,
        from: world.ana.id,
        activityId: cardId(alert) ?? '',
        verb: 'alert.acknowledge',
        data: {},
      });
      expect(clicked.body).toMatchObject({ statusCode: 200 });
    },
    restart: () => world.restart(),
    close: () => world.close(),
  };
}

/** Word joiners and markdown escapes the renderers insert, removed to read a reply as shown. */
const shown = (text: string) => text.replaceAll('\u2060', '').replaceAll('\\', '');
const reminders = (texts: string[]) => texts.map(shown).filter((text) => /unacknowledged/.test(text));

describe.each([
  ['Mattermost', mattermostWorld],
  ['Teams', teamsWorld],
])('reminders and escalation of unacknowledged cards in %s (injected time)', (_platform, start) => {
  let clock: ManualClock;
  let world: ReminderWorld;
  let ruleId: string;

  beforeEach(async () => {
    clock = createManualClock(START);
    world = await start(clock);
    ruleId = await world.subscribe();
  });
  afterEach(async () => {
    await world.close();
  });

  const idle = () => waitUntilIdle(world, clock);
  const advance = async (ms: number) => {
    clock.advance(ms);
    await idle();
  };
  const postedAlert = async () => {
    const alert = world.sekoia.addAlert({ title: 'Mimikatz on @channel', urgency: alertUrgency(90) });
    await expect.poll(() => world.cardId(alert)).toBeDefined();
    await idle();
    return alert;
  };

  it('reminds after 15 min and not before, then escalates after 30 min, each once', async () => {
    const alert = await postedAlert();
    await advance(15 * MINUTE - 1_000);
    expect(reminders(world.thread(alert))).toEqual([]);
    await advance(1_000);
    const expected = world.expected(alert.short_id);
    expect(reminders(world.thread(alert))).toEqual([expected.remind]);
    await advance(15 * MINUTE - 1_000);
    expect(reminders(world.thread(alert))).toHaveLength(1);
    await advance(1_000);
    expect(reminders(world.thread(alert))).toEqual([expected.remind, expected.escalate]);
    // Real mentions: the reminder pings the rule's --notify, the escalation its --escalate.
    expect(world.pinged(alert)).toEqual(world.expectedPings);
    await advance(24 * 60 * MINUTE);
    expect(reminders(world.thread(alert))).toHaveLength(2);
  });

  it('says nothing once the alert is acknowledged from the card', async () => {
    const alert = await postedAlert();
    await advance(5 * MINUTE);
    await world.acknowledge(alert);
    await idle();
    await advance(30 * MINUTE);
    expect(world.thread(alert).map(shown).join('\n')).toContain('Acknowledged');
    expect(reminders(world.thread(alert))).toEqual([]);
  });

  it('says nothing once the alert is acknowledged in Sekoia.io (with its WebHook)', async () => {
    const alert = await postedAlert();
    await advance(5 * MINUTE);
    world.sekoia.updateAlert(alert.uuid, { statusName: 'Acknowledged' });
    await idle();
    await advance(30 * MINUTE);
    expect(world.thread(alert).map(shown).join('\n')).toContain('Acknowledged');
    expect(reminders(world.thread(alert))).toEqual([]);
  });

  it('says nothing once the alert is acknowledged in Sekoia.io, even when its WebHook is lost (read again), and brings the card up to date', async () => {
    const alert = await postedAlert();
    await advance(5 * MINUTE);
    world.sekoia.updateAlert(alert.uuid, { statusName: 'Acknowledged' }, { notify: false });
    await advance(9 * MINUTE);
    // Until the reminder is due, the card never heard of it.
    expect(world.thread(alert).map(shown).join('\n')).not.toContain('Acknowledged');
    await advance(21 * MINUTE);
    // The reminder's read found the change: no reminder, and the lost update went through the usual
    // path once (one status note, not one per stage).
    expect(reminders(world.thread(alert))).toEqual([]);
    const notes = world
      .thread(alert)
      .map(shown)
      .filter((text) => text.includes('Pending → Acknowledged'));
    expect(notes).toHaveLength(1);
  });

  it('still reminds after a restart between the card and the reminder', async () => {
    const alert = await postedAlert();
    await advance(10 * MINUTE);
    await world.restart();
    await advance(5 * MINUTE);
    expect(reminders(world.thread(alert))).toEqual([world.expected(alert.short_id).remind]);
  });

  it('reminds once when the same reminder is queued twice (dedupe key)', async () => {
    const alert = await postedAlert();
    const [card] = (await world.bot.app.rules.listAll()).map((rule) => rule.channel);
    if (card === undefined) throw new Error('no rule');
    // What a card job run again would queue: the very same jobs, racing the first ones.
    const plan = (await world.bot.app.rules.get(ruleId))?.remind;
    if (plan === undefined) throw new Error('no plan');
    const again = reminderJobs({ alertUuid: alert.uuid, channel: card, ruleId, plan, postedAt: START });
    await Promise.all(again.map((job) => world.bot.app.queue.enqueue(job)));
    await advance(30 * MINUTE);
    expect(reminders(world.thread(alert))).toHaveLength(2);
  });

  it('stops when the plan is removed (remind off) or the rule muted', async () => {
    const alert = await postedAlert();
    await world.bot.app.rules.setMute(ruleId, { until: START + 20 * MINUTE, by: { id: 'u1', name: 'ana' } });
    await advance(15 * MINUTE);
    expect(reminders(world.thread(alert))).toEqual([]);
    await world.bot.app.rules.setRemind(ruleId, null);
    await advance(15 * MINUTE);
    expect(reminders(world.thread(alert))).toEqual([]);
  });
});
