import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock, type ManualClock } from '../../src/clock.ts';
import { alertUrgency } from '../fakes/fake-sekoia/index.ts';
import {
  type Shown,
  type SummaryWorld,
  startMattermostSummaryWorld,
  startTeamsSummaryWorld,
} from './summary-worlds.ts';
import { waitUntilIdle } from './wait-until-idle.ts';

const SUMMARY = /"(Outside working hours|Maintenance on )/;
const mattermostWorld = (clock: ManualClock) => startMattermostSummaryWorld(clock, SUMMARY);
const teamsWorld = (clock: ManualClock) => startTeamsSummaryWorld(clock, SUMMARY);

const PARIS_DC = { uuid: '0b7e5d1c-3f1a-4c2e-9a6b-2d4f8e1c7a90', name: 'Paris DC' };
/** Monday 30 November 2026, 20:30 in Paris (UTC+1): after the working hours. */
const MONDAY_EVENING = Date.UTC(2026, 10, 30, 19, 30);
/** Tuesday 08:00 in Paris. */
const TUESDAY_OPENING = Date.UTC(2026, 11, 1, 7, 0);

describe.each([
  ['Mattermost', mattermostWorld],
  ['Teams', teamsWorld],
])('quiet hours and maintenance windows in %s (injected time)', (_platform, start) => {
  let clock: ManualClock;
  let world: SummaryWorld;

  afterEach(async () => {
    await world.close();
  });

  const idle = () => waitUntilIdle(world, clock);
  const advanceTo = async (ms: number) => {
    clock.set(ms);
    await idle();
  };
  const carded = (shortId: string) => world.alertCards().some((card) => card.text.includes(shortId));

  it('holds low and medium alerts after hours, posts high ones, and sums the held up at the opening, across a restart', async () => {
    clock = createManualClock(MONDAY_EVENING);
    world = await start(clock);
    expect(await world.command('hours mon-fri 08:00-19:00 Europe/Paris')).toContain('Working hours set');
    expect(await world.command('subscribe alert-raised')).toMatch(/Rule \S+ created/);
    expect(await world.command('subscribe alert-updated change=urgency')).toMatch(/Rule \S+ created/);

    const low = world.sekoia.addAlert({ title: 'Port scan', urgency: alertUrgency(30) });
    const medium = world.sekoia.addAlert({ title: 'Brute force on VPN', urgency: alertUrgency(60) });
    const high = world.sekoia.addAlert({ title: 'Mimikatz on DC-01', urgency: alertUrgency(90) });
    const rising = world.sekoia.addAlert({ title: 'Odd DNS', urgency: alertUrgency(40) });
    await idle();
    expect(world.alertCards()).toHaveLength(1);
    expect(carded(high.short_id)).toBe(true);
    expect(world.summaries()).toEqual([]);
    expect(await world.command('hours')).toContain('3 alerts held so far');

    // A held alert that turns high while still after hours gets its card then.
    world.sekoia.updateAlert(rising.uuid, { urgency: alertUrgency(85) });
    // One held since closed still counts, shown as closed.
    world.sekoia.updateAlert(medium.uuid, { statusName: 'Closed' });
    // Updates soon after a read wait for the alert's next read slot.
    await advanceTo(clock.now() + 5_000);
    expect(world.alertCards()).toHaveLength(2);
    expect(carded(rising.short_id)).toBe(true);

    // The release is a durable job: a restart before the opening still posts the summary.
    await world.restart();
    await advanceTo(TUESDAY_OPENING - 60_000);
    expect(world.summaries()).toEqual([]);
    await advanceTo(TUESDAY_OPENING);
    const summaries = world.summaries();
    expect(summaries).toHaveLength(1);
    const summary = summaries[0] as Shown;
    expect(summary.text).toContain('Outside working hours: 3 alerts were held');
    expect(summary.text).toContain('Mon–Fri 08:00–19:00 Europe/Paris');
    expect(summary.text).toContain(`${world.sekoia.appUrl}/operations/alerts/${low.short_id}`);
    expect(summary.text).toContain(medium.short_id);
    expect(summary.text).toMatch(new RegExp(`${medium.short_id}[^"]*Closed`));
    expect(summary.text).toMatch(/1 high · 1 medium · 1 low/);
    // No card of its own for any held alert, and nothing floods after the summary.
    expect(world.alertCards()).toHaveLength(2);
    expect(carded(low.short_id)).toBe(false);

    // In hours, a low alert gets its card at once.
    const morning = world.sekoia.addAlert({ title: 'Morning port scan', urgency: alertUrgency(30) });
    await idle();
    expect(carded(morning.short_id)).toBe(true);
    await advanceTo(TUESDAY_OPENING + 24 * 3_600_000);
    expect(world.summaries()).toHaveLength(1);
    expect(world.summaries()[0]?.edits).toBe(0);
  });

  it("holds an entity's alerts during its maintenance window, not another entity's, and lists them when it ends", async () => {
    clock = createManualClock(TUESDAY_OPENING + 3 * 3_600_000);
    world = await start(clock);
    expect(await world.command('subscribe alert-raised')).toMatch(/Rule \S+ created/);
    const opened = await world.command('maintenance entity="Lyon HQ" 2h switch upgrade');
    const first = /window (\w+) open/.exec(opened)?.[1] ?? '';
    expect(first).not.toBe('');

    const lyon = world.sekoia.addAlert({ title: 'Switch down', urgency: alertUrgency(40) });
    const paris = world.sekoia.addAlert({ title: 'Port scan', urgency: alertUrgency(40), entity: PARIS_DC });
    const urgent = world.sekoia.addAlert({ title: 'Ransomware note', urgency: alertUrgency(95) });
    await idle();
    expect(carded(lyon.short_id)).toBe(false);
    expect(carded(paris.short_id)).toBe(true);
    expect(carded(urgent.short_id)).toBe(true);
    expect(await world.command('maintenance')).toMatch(
      new RegExp(`${first} — entity.*Lyon HQ.*1 alert held`),
    );

    await advanceTo(clock.now() + 2 * 3_600_000);
    expect(world.summaries()).toHaveLength(1);
    expect(world.summaries()[0]?.text).toContain('is over: 1 alert was held');
    expect(world.summaries()[0]?.text).toContain('switch upgrade');
    expect(world.summaries()[0]?.text).toContain(lyon.short_id);
    // The window is over: the next Lyon alert gets its card.
    const after = world.sekoia.addAlert({ title: 'Switch flapping', urgency: alertUrgency(40) });
    await idle();
    expect(carded(after.short_id)).toBe(true);

    // Ended early with `maintenance end`: the summary comes at once, and once.
    const second =
      /window (\w+) open/.exec(await world.command('maintenance entity="Lyon HQ" 1h'))?.[1] ?? '';
    const held = world.sekoia.addAlert({ title: 'Switch reboot', urgency: alertUrgency(30) });
    await idle();
    expect(carded(held.short_id)).toBe(false);
    expect(await world.command(`maintenance end ${second}`)).toContain(`Maintenance window ${second} ended`);
    await idle();
    expect(world.summaries()).toHaveLength(2);
    expect(world.summaries()[1]?.text).toContain(held.short_id);
    await advanceTo(clock.now() + 3_600_000);
    expect(world.summaries()).toHaveLength(2);
    expect(world.summaries()[1]?.edits).toBe(0);
  });
});
