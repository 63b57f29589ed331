import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alertUrgency } from '../fakes/fake-sekoia/index.ts';
import { cardContent, startTeamsWorld, type TeamsWorld } from '../integration/start-teams-world.ts';
import { type CapturedLog, captureLog } from '../storage/capture-log.ts';

const shown = (world: TeamsWorld, shortId: string) =>
  JSON.stringify(cardContent(world.cardOf(shortId)) ?? {});

/** Queue and Teams warnings that would mean a success was taken for a failure. */
const failures = (log: CapturedLog) =>
  log
    .records()
    .filter((r) => ['job retry', 'job dead-lettered', 'could not announce in Teams'].includes(String(r.msg)));

describe('Bot Connector answers with no body (reference teams.md §3.4)', () => {
  let world: TeamsWorld;
  let log: CapturedLog;

  beforeEach(async () => {
    log = captureLog();
    world = await startTeamsWorld({ log: log.log });
  });
  afterEach(() => world.close());

  it.each([200, 201, 202] as const)(
    'takes an update answered %i without a body for done: one card, its buttons, kept current, nothing retried',
    async (status) => {
      world.connector.answerUpdatesWith({ status, withId: false });
      await world.command('subscribe alert-raised urgency>=high');
      const alert = world.sekoia.addAlert({ urgency: alertUrgency(90) });
      // The card is posted with its signed buttons, in one request.
      await expect.poll(() => shown(world, alert.short_id)).toContain('alert.acknowledge');
      world.sekoia.updateAlert(alert.uuid, { statusName: 'Acknowledged' });
      await expect.poll(() => shown(world, alert.short_id)).toContain('Acknowledged');
      const card = world.cardOf(alert.short_id);
      await expect.poll(() => world.connector.thread(card?.id ?? '').length).toBe(1);
      await expect.poll(async () => (await world.bot.app.queue.stats()).pending).toBe(0);
      expect(world.cards()).toHaveLength(1);
      expect(world.connector.thread(card?.id ?? '')).toHaveLength(1);
      expect(failures(log)).toEqual([]);
    },
  );

  it('takes a thread reply and an announcement answered 201 or 202 without a body for done', async () => {
    world.connector.answerUpdatesWith({ status: 200, withId: true });
    // Ana's role is looked up (and kept a while) by a first command that changes nothing, so that
    // the rule's announcement in the channel, a new post, is the first connector call of the next.
    await world.command('unmute r0000');
    world.connector.acceptWithoutBodyNext(1, 201);
    const before = world.connector.requests.length;
    await world.command('subscribe alert-raised urgency>=high');
    expect(world.connector.requests[before]).toMatchObject({ method: 'POST', path: '/v3/conversations' });
    expect(world.connector.messages(world.channelId).map((m) => JSON.stringify(m.activity))).toContainEqual(
      expect.stringMatching(/created rule/),
    );
    const alert = world.sekoia.addAlert({ urgency: alertUrgency(90) });
    await expect.poll(() => shown(world, alert.short_id)).toContain('alert.acknowledge');
    const card = world.cardOf(alert.short_id);
    // The status change: the card's update, then the reply in its thread.
    world.connector.acceptWithoutBodyNext(2, 202);
    world.sekoia.updateAlert(alert.uuid, { statusName: 'Acknowledged' });
    await expect.poll(() => world.connector.thread(card?.id ?? '').length).toBe(1);
    await expect.poll(async () => (await world.bot.app.queue.stats()).pending).toBe(0);
    expect(shown(world, alert.short_id)).toContain('Acknowledged');
    expect(world.connector.thread(card?.id ?? '')).toHaveLength(1);
    expect(failures(log)).toEqual([]);
  });

  it('does not post a card again that Teams took without giving its id (it could never be updated)', async () => {
    await world.command('subscribe alert-raised urgency>=high');
    world.connector.acceptWithoutBodyNext(1, 201);
    const alert = world.sekoia.addAlert({ urgency: alertUrgency(90) });
    await expect.poll(() => failures(log).map((r) => r.msg)).toEqual(['job dead-lettered']);
    await expect.poll(async () => (await world.bot.app.queue.stats()).pending).toBe(0);
    expect(String(failures(log)[0]?.err)).toMatch(/^platform_rejected: Teams posted the card without/);
    // One card in the channel. Its buttons came with the post, but it is not the alert's recorded
    // card: a click on it is refused and changes nothing.
    expect(world.cards()).toHaveLength(1);
    const click = await world.connector.sendInvoke({
      botUrl: `${world.bot.url}/api/messages`,
      from: world.ana.id,
      activityId: world.cardOf(alert.short_id)?.id ?? '',
      verb: 'alert.acknowledge',
    });
    expect((click.body as { statusCode?: number }).statusCode).toBe(403);
    expect(world.sekoia.requests.filter((r) => r.method === 'PATCH')).toHaveLength(0);
    const posts = world.connector.requests.filter(
      (r) =>
        r.method === 'POST' &&
        r.path === '/v3/conversations' &&
        JSON.stringify(r.body).includes(alert.short_id),
    );
    expect(posts).toHaveLength(1);
  });
});
