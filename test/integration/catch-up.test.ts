import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock, type ManualClock } from '../../src/clock.ts';
import { type SummaryWorld, startMattermostSummaryWorld, startTeamsSummaryWorld } from './summary-worlds.ts';
import { waitUntilIdle } from './wait-until-idle.ts';

const SUMMARY = /"Catch-up: /;
const START = Date.UTC(2026, 11, 7, 9, 0);

describe.each([
  ['Mattermost', (clock: ManualClock) => startMattermostSummaryWorld(clock, SUMMARY)],
  ['Teams', (clock: ManualClock) => startTeamsSummaryWorld(clock, SUMMARY)],
])('catch-up after missed WebHooks in %s (injected time)', (_platform, start) => {
  let clock: ManualClock;
  let world: SummaryWorld;

  afterEach(async () => {
    await world.close();
  });

  const idle = () => waitUntilIdle(world, clock);
  const catchUp = async () => {
    expect(await world.bot.app.scheduler.runNow('catch-up')).toMatchObject({ result: 'ok' });
    await idle();
  };
  const later = (ms: number) => clock.set(clock.now() + ms);
  /** The status answer without the markdown escapes Mattermost's gets. */
  const status = async () => (await world.command('status')).replaceAll('\\', '');
  const cardsOf = (shortId: string) => world.alertCards().filter((card) => card.text.includes(shortId));

  /** A channel subscribed to new alerts, and the catch-up's first run (it only records "now"). */
  const subscribed = async () => {
    clock = createManualClock(START);
    world = await start(clock);
    expect(await world.command('subscribe alert-raised')).toMatch(/Rule \S+ created/);
    await catchUp();
    expect(await status()).toContain('first run');
    later(60_000);
  };

  it('posts exactly the card of an alert whose WebHook was lost, once, and edits it after a lost update', async () => {
    await subscribed();
    const heard = world.sekoia.addAlert({ title: 'Heard of' });
    const lost = world.sekoia.addAlert({ title: 'Never heard of' }, { notify: false });
    await idle();
    expect(world.alertCards()).toHaveLength(1);

    later(60_000);
    await catchUp();
    expect(world.alertCards()).toHaveLength(2);
    expect(cardsOf(heard.short_id)).toHaveLength(1);
    expect(cardsOf(lost.short_id)).toHaveLength(1);
    const before = cardsOf(lost.short_id)[0]?.edits;

    // A second tick finds nothing new: no post, no edit.
    later(60_000);
    await catchUp();
    expect(world.alertCards()).toHaveLength(2);
    expect(cardsOf(lost.short_id)[0]?.edits).toBe(before);

    // A status change whose WebHook was lost: the card is edited, not posted again.
    later(5_000);
    world.sekoia.updateAlert(lost.uuid, { statusName: 'Closed' }, { notify: false });
    later(60_000);
    await catchUp();
    expect(world.alertCards()).toHaveLength(2);
    const edited = cardsOf(lost.short_id);
    expect(edited).toHaveLength(1);
    expect(edited[0]?.text).toContain('Closed');
    expect(edited[0]?.edits).toBeGreaterThan(before ?? 0);
    expect(await status()).toMatch(/Last catch-up: .*1 missed \(0 new to the bot\)/);
  });

  it('makes one card of a WebHook that arrives while the catch-up queues the same alert', async () => {
    await subscribed();
    const both = world.sekoia.addAlert({ title: 'Heard twice' });
    // Before the WebHook is processed: the catch-up finds the alert new to the bot and queues it too.
    expect(await world.bot.app.scheduler.runNow('catch-up')).toMatchObject({ result: 'ok' });
    await idle();
    expect(cardsOf(both.short_id)).toHaveLength(1);
    expect(world.alertCards()).toHaveLength(1);
    // The catch-up did queue it (before its WebHook was processed, or before a second had passed).
    expect(await status()).toMatch(/1 alert listed, 1 missed/);
  });

  it('sums up 30 alerts raised during an outage in one card instead of 30', async () => {
    await subscribed();
    const raised = Array.from({ length: 30 }, (_, i) => {
      later(1_000);
      return world.sekoia.addAlert({ title: `Raised while down ${i}` }, { notify: false });
    });
    // The bot comes back (its watermark kept in the store) and its next tick catches up.
    await world.restart();
    later(60_000);
    await catchUp();
    expect(world.alertCards()).toEqual([]);
    const summaries = world.summaries();
    expect(summaries).toHaveLength(1);
    const text = summaries[0]?.text ?? '';
    expect(text).toContain('Catch-up: 30 alerts missed');
    expect(text).toContain('By status');
    expect(text).toContain(`${world.sekoia.appUrl}/operations/alerts/${raised[29]?.short_id}`);
    expect(await status()).toMatch(/30 missed \(30 new to the bot\), 1 summary posted/);

    // The next tick posts nothing more.
    later(60_000);
    await catchUp();
    expect(world.alertCards()).toEqual([]);
    expect(world.summaries()).toHaveLength(1);
  });
});
