import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock, type ManualClock } from '../../src/clock.ts';
import { FAKE_TLP_MARKINGS, type FakeSekoia, tlp2Overrides } from '../fakes/fake-sekoia/index.ts';
import type { TestBot } from './start-bot.ts';
import { startMattermostWorld } from './start-mattermost-world.ts';
import { startTeamsWorld } from './start-teams-world.ts';

/** A card's JSON as read: without the word joiners and markdown escapes the renderers insert. */
const shown = (json: string) => json.replaceAll('\u2060', '').replaceAll('\\\\', '');

interface PostedCard {
  id: string;
  json: string;
}

/** The same scenario on both platforms: how to subscribe and where the compact cards are. */
interface TriggerWorld {
  sekoia: FakeSekoia;
  bot: TestBot;
  subscribe(text: string): Promise<void>;
  compactCards(): PostedCard[];
  close(): Promise<void>;
}

async function mattermostWorld(clock: ManualClock): Promise<TriggerWorld> {
  const world = await startMattermostWorld({ clock });
  return {
    sekoia: world.sekoia,
    bot: world.bot,
    async subscribe(text) {
      expect(await world.command(`subscribe ${text}`)).toMatch(/Rule \S+ created/);
    },
    compactCards: () =>
      world.mattermost
        .posts(world.channelId)
        .filter((post) => post.root_id === '' && post.props.sekoia_trigger !== undefined)
        .map((post) => ({ id: post.id, json: JSON.stringify(post.props) })),
    close: () => world.close(),
  };
}

async function teamsWorld(clock: ManualClock): Promise<TriggerWorld> {
  const world = await startTeamsWorld({ clock });
  return {
    sekoia: world.sekoia,
    bot: world.bot,
    async subscribe(text) {
      expect(JSON.stringify((await world.command(`subscribe ${text}`)).map((m) => m.activity))).toMatch(
        /Rule \w+ created/,
      );
    },
    compactCards: () =>
      world.connector
        .messages(world.channelId)
        .filter((m) => m.replyToId === undefined && JSON.stringify(m.activity).includes('"Open the '))
        .map((m) => ({ id: m.id, json: JSON.stringify(m.activity) })),
    close: () => world.close(),
  };
}

describe.each([
  ['Mattermost', mattermostWorld],
  ['Teams', teamsWorld],
])('reports, catalog rules, silent intakes and playbook errors in %s', (_platform, start) => {
  let clock: ManualClock;
  let world: TriggerWorld;

  beforeEach(async () => {
    clock = createManualClock(Date.UTC(2026, 10, 30, 12, 0, 0));
    world = await start(clock);
  });
  afterEach(async () => {
    await world.close();
  });

  const idle = async () => {
    await world.sekoia.settleWebhooks();
    await expect.poll(async () => (await world.bot.app.queue.stats()).pending).toBe(0);
  };

  it('posts a report card for a matching TLP, nothing for another TLP or a missing one', async () => {
    await world.subscribe('report tlp=amber,red');
    const amber = world.sekoia.addReport({ name: 'FLINT amber report' });
    world.sekoia.addReport({ name: 'Green report', object_marking_refs: [FAKE_TLP_MARKINGS.green] });
    world.sekoia.addReport({ name: 'Unmarked report', object_marking_refs: [] });
    await expect.poll(() => world.compactCards().length).toBe(1);
    await idle();
    const [card] = world.compactCards();
    expect(card?.json).toContain('FLINT amber report');
    expect(card?.json).toMatch(/TLP.{0,2}AMBER/);
    expect(card?.json).toContain(amber.uuid);
    expect(world.compactCards()).toHaveLength(1);
  });

  it('reads TLP 2.0: tlp=amber takes AMBER and AMBER+STRICT (by id or name), not GREEN or CLEAR', async () => {
    await world.subscribe('report tlp=amber');
    const strict = world.sekoia.addReport({ name: 'Strict report', ...tlp2Overrides('amber+strict', 'id') });
    const amber = world.sekoia.addReport({ name: 'Amber report', ...tlp2Overrides('amber', 'name') });
    world.sekoia.addReport({ name: 'Green report', ...tlp2Overrides('green', 'id') });
    world.sekoia.addReport({ name: 'Clear report', ...tlp2Overrides('clear', 'name') });
    await expect.poll(() => world.compactCards().length).toBe(2);
    await idle();
    const cards = world.compactCards().map((card) => shown(card.json));
    expect(cards).toHaveLength(2);
    const strictCard = cards.find((json) => json.includes('Strict report'));
    const amberCard = cards.find((json) => json.includes('Amber report'));
    expect(strictCard).toContain('TLP:AMBER+STRICT');
    expect(amberCard).toMatch(/TLP:AMBER(?!\+)/);
    // The page the web app shows intelligence objects on (see src/normalize/sekoia-links.ts).
    expect(strictCard).toContain(`/intelligence/objects/report--${strict.uuid}"`);
    expect(amberCard).toContain(`/intelligence/objects/report--${amber.uuid}"`);
  });

  it('takes a TLP:CLEAR report (TLP 2.0) for tlp=white, by id and by name', async () => {
    await world.subscribe('report tlp=white');
    world.sekoia.addReport({ name: 'Clear by id', ...tlp2Overrides('clear', 'id') });
    world.sekoia.addReport({ name: 'Clear by name', ...tlp2Overrides('clear', 'name') });
    world.sekoia.addReport({ name: 'Green report', ...tlp2Overrides('green', 'name') });
    await expect.poll(() => world.compactCards().length).toBe(2);
    await idle();
    const cards = world.compactCards().map((card) => shown(card.json));
    expect(cards).toHaveLength(2);
    expect(cards.every((json) => json.includes('TLP:CLEAR'))).toBe(true);
    expect(cards.some((json) => json.includes('Green report'))).toBe(false);
  });

  it('posts crashed playbook errors only to a crashed=true rule', async () => {
    await world.subscribe('playbook-error crashed=true');
    world.sekoia.emitPlaybookError({
      playbookName: 'Isolate host',
      error: 'timeout calling EDR',
      crashed: true,
    });
    world.sekoia.emitPlaybookError({ playbookName: 'Enrich IP', error: 'quota', crashed: false });
    await expect.poll(() => world.compactCards().length).toBe(1);
    await idle();
    expect(world.compactCards()).toHaveLength(1);
    expect(world.compactCards()[0]?.json).toContain('Isolate host');
    expect(world.compactCards()[0]?.json).toContain('CRASHED');
  });

  it('records the catalog on the first run, then posts the rules added since that match', async () => {
    await world.subscribe('rule-added severity>=70');
    world.sekoia.addCatalogRule({ name: 'Already there', severity: 90 });
    expect(await world.bot.app.scheduler.runNow('rules-catalog-poll')).toMatchObject({ result: 'ok' });
    await idle();
    expect(world.compactCards()).toHaveLength(0);
    world.sekoia.addCatalogRule({ name: 'Kerberoasting detected', severity: 80 });
    world.sekoia.addCatalogRule({ name: 'Noisy low rule', severity: 10 });
    world.sekoia.failNext(2, 503, { match: (r) => r.path.includes('rules-catalog') });
    clock.advance(15 * 60_000);
    expect(await world.bot.app.scheduler.runNow('rules-catalog-poll')).toMatchObject({ result: 'error' });
    clock.advance(15 * 60_000);
    expect(await world.bot.app.scheduler.runNow('rules-catalog-poll')).toMatchObject({ result: 'ok' });
    await expect.poll(() => world.compactCards().length).toBe(1);
    await idle();
    expect(world.compactCards()).toHaveLength(1);
    expect(world.compactCards()[0]?.json).toContain('Kerberoasting detected');
  });

  it('takes a catalog rule WebHook down the same path: one card, which a later poll edits, never reposts', async () => {
    await world.subscribe('rule-added severity>=70');
    expect(await world.bot.app.scheduler.runNow('rules-catalog-poll')).toMatchObject({ result: 'ok' });
    const rule = world.sekoia.addCatalogRule({ name: 'Pushed by WebHook', severity: 75 }, { notify: true });
    await expect.poll(() => world.compactCards().length).toBe(1);
    // The catalog page the web app opens a rule in (see src/normalize/sekoia-links.ts).
    expect(world.compactCards()[0]?.json).toContain(`/rules-catalog?rule-uuid=${rule.uuid}"`);
    clock.advance(15 * 60_000);
    expect(await world.bot.app.scheduler.runNow('rules-catalog-poll')).toMatchObject({ result: 'ok' });
    await idle();
    expect(world.compactCards()).toHaveLength(1);
    expect(world.compactCards()[0]?.json).toContain('Pushed by WebHook');
  });

  it('posts one card per silence, edits it while it lasts and when events are back', async () => {
    const intake = world.sekoia.addIntake({ name: 'Firewall EU' });
    world.sekoia.recordIntakeEvent(intake.uuid, clock.now() - 3 * 3_600_000);
    await world.subscribe('intake-silent intake="Firewall EU" for=1h');
    expect(await world.bot.app.scheduler.runNow('intake-silence-check')).toMatchObject({ result: 'ok' });
    await expect.poll(() => world.compactCards().length).toBe(1);
    const first = world.compactCards()[0];
    expect(first?.json).toContain('Intake silent');

    clock.advance(5 * 60_000);
    world.sekoia.failNextSearchJob();
    expect(await world.bot.app.scheduler.runNow('intake-silence-check')).toMatchObject({ result: 'error' });
    clock.advance(5 * 60_000);
    expect(await world.bot.app.scheduler.runNow('intake-silence-check')).toMatchObject({ result: 'ok' });
    await idle();
    expect(world.compactCards().map((card) => card.id)).toEqual([first?.id]);

    world.sekoia.recordIntakeEvent(intake.uuid, clock.now() - 60_000);
    clock.advance(5 * 60_000);
    expect(await world.bot.app.scheduler.runNow('intake-silence-check')).toMatchObject({ result: 'ok' });
    await expect.poll(() => world.compactCards()[0]?.json ?? '').toContain('Events are back');
    await idle();
    expect(world.compactCards().map((card) => card.id)).toEqual([first?.id]);
  });

  it('takes Sekoia.io\'s own "no events" WebHook as the silence: one card, which the poll then edits', async () => {
    const intake = world.sekoia.addIntake({ name: 'Firewall EU' });
    world.sekoia.recordIntakeEvent(intake.uuid, clock.now() - 3 * 3_600_000);
    await world.subscribe('intake-silent intake="Firewall EU" for=1h');
    world.sekoia.emitIntakeInactivity({ intakeUuid: intake.uuid });
    await expect.poll(() => world.compactCards().length).toBe(1);
    await idle();
    const first = world.compactCards()[0];
    // The WebHook names the intake by UUID only; the rule names it: the bot looked the name up.
    expect(first?.json).toContain('Intake silent: Firewall EU');
    expect(shown(first?.json ?? '')).toContain('silent 1h+');

    clock.advance(5 * 60_000);
    expect(await world.bot.app.scheduler.runNow('intake-silence-check')).toMatchObject({ result: 'ok' });
    await expect.poll(() => shown(world.compactCards()[0]?.json ?? '')).toContain('silent 1h5m+');
    await idle();
    expect(world.compactCards().map((card) => card.id)).toEqual([first?.id]);

    world.sekoia.recordIntakeEvent(intake.uuid, clock.now() - 60_000);
    clock.advance(5 * 60_000);
    expect(await world.bot.app.scheduler.runNow('intake-silence-check')).toMatchObject({ result: 'ok' });
    await expect.poll(() => world.compactCards()[0]?.json ?? '').toContain('Events are back');
    await idle();
    expect(world.compactCards().map((card) => card.id)).toEqual([first?.id]);
  });

  it('edits the card of a silence the poll found when the "no events" WebHook comes after', async () => {
    const intake = world.sekoia.addIntake({ name: 'Proxy' });
    world.sekoia.recordIntakeEvent(intake.uuid, clock.now() - 3 * 3_600_000);
    await world.subscribe(`intake-silent intake=${intake.uuid} for=2h`);
    expect(await world.bot.app.scheduler.runNow('intake-silence-check')).toMatchObject({ result: 'ok' });
    await expect.poll(() => world.compactCards().length).toBe(1);
    const first = world.compactCards()[0];
    clock.advance(30 * 60_000);
    world.sekoia.emitIntakeInactivity({
      intakeUuid: intake.uuid,
      type: 'intake_inactivity',
      action: 'created',
      attributes: { intake: { uuid: intake.uuid.toUpperCase(), name: 'Proxy' } },
    });
    await expect.poll(() => shown(world.compactCards()[0]?.json ?? '')).toContain('silent 2h30m+');
    await idle();
    expect(world.compactCards().map((card) => card.id)).toEqual([first?.id]);
  });

  it('keeps an unknown WebHook type and shows it in status', async () => {
    const response = await fetch(world.bot.webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'case',
        action: 'created',
        attributes: { uuid: 'c1' },
        metadata: { version: 2, uuid: 'n-case-1', created_at: '2026-11-30T12:00:00Z' },
      }),
    });
    expect(response.status).toBe(202);
    await idle();
    // A "no events" WebHook without an intake UUID tells nothing the bot can use: kept as other.
    const noIntake = await fetch(world.bot.webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'intake',
        action: 'no-events',
        attributes: { name: 'Firewall EU' },
        metadata: { version: 2, uuid: 'n-intake-1', created_at: '2026-11-30T12:00:00Z' },
      }),
    });
    expect(noIntake.status).toBe(202);
    await idle();
    const report = await world.bot.app.status.read();
    expect(report.keptTypes?.map((kept) => [kept.type, kept.count])).toEqual([
      ['case', 1],
      ['intake', 1],
    ]);
    expect(world.compactCards()).toHaveLength(0);
  });
});
