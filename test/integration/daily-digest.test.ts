import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock, type ManualClock } from '../../src/clock.ts';
import { alertUrgency } from '../fakes/fake-sekoia/index.ts';
import { type SummaryWorld, startMattermostSummaryWorld, startTeamsSummaryWorld } from './summary-worlds.ts';
import { waitUntilIdle } from './wait-until-idle.ts';

const DIGEST = /"Daily digest — /;
const mattermostWorld = (clock: ManualClock) => startMattermostSummaryWorld(clock, DIGEST);
const teamsWorld = (clock: ManualClock) => startTeamsSummaryWorld(clock, DIGEST);

const MIN = 60_000;
const HOUR = 60 * MIN;
/** Monday 7 December 2026, 10:00 in Paris (UTC+1). */
const MONDAY_MORNING = Date.UTC(2026, 11, 7, 9, 0);
/** 09:00 in Paris on Tuesday, Wednesday and Thursday. */
const TUESDAY_DIGEST = Date.UTC(2026, 11, 8, 8, 0);
const WEDNESDAY_DIGEST = TUESDAY_DIGEST + 24 * HOUR;
const THURSDAY_DIGEST = WEDNESDAY_DIGEST + 24 * HOUR;

describe.each([
  ['Mattermost', mattermostWorld],
  ['Teams', teamsWorld],
])('daily digest in %s (injected time)', (_platform, start) => {
  let clock: ManualClock;
  let world: SummaryWorld;

  afterEach(async () => {
    await world.close();
  });

  const idle = () => waitUntilIdle(world, clock);
  /** A command's answer without the markdown escapes of Mattermost's replies. */
  const command = async (text: string) => (await world.command(text)).replaceAll('\\', '');
  const advanceTo = async (ms: number) => {
    clock.set(ms);
    await idle();
  };

  it('posts one digest a day at 09:00 Paris time with the day’s figures, across a restart, until turned off', async () => {
    clock = createManualClock(MONDAY_MORNING);
    world = await start(clock);
    const set = await command('digest daily 09:00 Europe/Paris');
    expect(set).toContain('Daily digest set: every day at 09:00 Europe/Paris');
    expect(set).toContain('Next: Tue 09:00 Europe/Paris (2026-12-08 08:00 UTC)');
    const ruleId = /Rule (\S+) created/.exec(await world.command('subscribe alert-raised'))?.[1] ?? '';
    expect(ruleId).not.toBe('');

    const clicked = world.sekoia.addAlert({ title: 'Mimikatz on DC-01', urgency: alertUrgency(90) });
    const inSekoia = world.sekoia.addAlert({ title: 'Beacon to known C2', urgency: alertUrgency(85) });
    const open = world.sekoia.addAlert({ title: 'Ransomware note', urgency: alertUrgency(95) });
    world.sekoia.addAlert({ title: 'Brute force on VPN', urgency: alertUrgency(60) });
    world.sekoia.addAlert({ title: 'Port scan', urgency: alertUrgency(30) });
    await idle();
    expect(world.alertCards()).toHaveLength(5);

    // Acknowledged from the card after 10 minutes, in Sekoia.io after 20 (its WebHook), then closed.
    await advanceTo(MONDAY_MORNING + 10 * MIN);
    await world.acknowledge(clicked);
    await idle();
    await advanceTo(MONDAY_MORNING + 20 * MIN);
    world.sekoia.updateAlert(inSekoia.uuid, { statusName: 'Acknowledged' });
    await advanceTo(clock.now() + 5_000);
    await advanceTo(MONDAY_MORNING + 40 * MIN);
    world.sekoia.updateAlert(inSekoia.uuid, { statusName: 'Closed' });
    await advanceTo(clock.now() + 5_000);

    // The run is a durable job: a restart before it still delivers it.
    await world.restart();
    await advanceTo(TUESDAY_DIGEST - MIN);
    expect(world.summaries()).toEqual([]);
    await advanceTo(TUESDAY_DIGEST);
    expect(world.summaries()).toHaveLength(1);
    const digest = world.summaries()[0]?.text ?? '';
    expect(digest).toContain('Daily digest — last 24 h: 5 alerts posted');
    expect(digest).toContain('high 3 · medium 1 · low 1');
    expect(digest).toContain('Pending 3 · Acknowledged 1 · Closed 1');
    expect(digest).toContain(`${ruleId} (5 cards)`);
    expect(digest).toContain('median 15 min (over 2 acknowledged)');
    expect(digest).toContain('Still open, high urgency');
    expect(digest).toContain(`${world.sekoia.appUrl}/operations/alerts/${open.short_id}`);
    expect(digest).toContain(`${world.sekoia.appUrl}/operations/alerts/${clicked.short_id}`);
    expect(digest).not.toContain(`/operations/alerts/${inSekoia.short_id}`);

    // The next day: only that day's cards; the first digest is left as it was.
    await advanceTo(TUESDAY_DIGEST + 2 * HOUR);
    world.sekoia.addAlert({ title: 'Odd DNS', urgency: alertUrgency(40) });
    await idle();
    expect(await command('digest')).toContain('Next: Wed 09:00 Europe/Paris (2026-12-09 08:00 UTC)');
    await advanceTo(WEDNESDAY_DIGEST);
    expect(world.summaries()).toHaveLength(2);
    expect(world.summaries()[1]?.text).toContain('Daily digest — last 24 h: 1 alert posted');
    expect(world.summaries()[1]?.text).toContain('none acknowledged yet');
    expect(world.summaries()[0]?.edits).toBe(0);

    expect(await command('digest off')).toContain('Daily digest off in this channel');
    await advanceTo(THURSDAY_DIGEST + HOUR);
    expect(world.summaries()).toHaveLength(2);
    expect(await command('digest')).toContain('Digest: off');
  });

  it('posts a short digest on a quiet day, and a new time replaces the old one', async () => {
    clock = createManualClock(MONDAY_MORNING);
    world = await start(clock);
    await command('digest daily 08:00 Europe/Paris');
    await command('digest daily 09:00 Europe/Paris');
    await advanceTo(TUESDAY_DIGEST - HOUR);
    expect(world.summaries()).toEqual([]);
    await advanceTo(TUESDAY_DIGEST);
    expect(world.summaries()).toHaveLength(1);
    expect(world.summaries()[0]?.text).toContain('quiet day, no alerts posted');
  });
});
