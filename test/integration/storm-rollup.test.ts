import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock, type ManualClock } from '../../src/clock.ts';
import { alertUrgency } from '../fakes/fake-sekoia/index.ts';
import {
  type Shown,
  type SummaryWorld,
  shown,
  startMattermostSummaryWorld,
  startTeamsSummaryWorld,
} from './summary-worlds.ts';
import { waitUntilIdle } from './wait-until-idle.ts';

const ROLLUP = /"(Alert storm|Storm over): /;
const mattermostWorld = (clock: ManualClock) => startMattermostSummaryWorld(clock, ROLLUP);
const teamsWorld = (clock: ManualClock) => startTeamsSummaryWorld(clock, ROLLUP);

const STORM_START = Date.UTC(2026, 10, 30, 14, 2, 0);

describe.each([
  ['Mattermost', mattermostWorld],
  ['Teams', teamsWorld],
])('alert storms in %s: budget, roll-up card, calm down (injected time)', (_platform, start) => {
  let clock: ManualClock;
  let world: SummaryWorld;

  beforeEach(async () => {
    clock = createManualClock(STORM_START);
    world = await start(clock);
    expect(await world.command('storm budget 3 per 5m')).toContain('Storm budget set');
    expect(await world.command('subscribe alert-raised')).toMatch(/Rule \S+ created/);
  });
  afterEach(async () => {
    await world.close();
  });

  const idle = () => waitUntilIdle(world, clock);
  const advance = async (ms: number) => {
    clock.advance(ms);
    await idle();
  };
  const rollup = () => {
    const all = world.summaries();
    expect(all).toHaveLength(1);
    return all[0] as Shown;
  };
  const storm = async (count: number) => {
    const alerts = [];
    for (let i = 0; i < count; i += 1)
      alerts.push(world.sekoia.addAlert({ title: `Port scan ${i}`, urgency: alertUrgency(30) }));
    await idle();
    return alerts;
  };

  it('budget 3, 10 alerts: 3 cards and one roll-up of 7; an urgent alert still gets its card; the roll-up closes', async () => {
    const alerts = await storm(10);
    expect(world.alertCards()).toHaveLength(3);
    // The roll-up's first showing waits for the end of its edit slot.
    expect(world.summaries()).toHaveLength(0);
    await advance(5_000);
    expect(rollup().text).toContain('Alert storm: 7 alerts since 14:02 UTC');
    expect(rollup().text).toMatch(/0 high · 0 medium · 7 low/);
    expect(rollup().text).toContain('Alerts of high urgency still get their own card');
    // Notifications are handled several at once: which 3 got a card is not fixed, the split is.
    const carded = alerts.filter((alert) =>
      world.alertCards().some((card) => card.text.includes(alert.short_id)),
    );
    expect(carded).toHaveLength(3);
    const rolled = alerts.filter((alert) => !carded.includes(alert));
    for (const alert of carded) expect(rollup().text).not.toContain(alert.short_id);
    const listed = rolled.filter((alert) => rollup().text.includes(alert.short_id));
    expect(listed.length).toBeGreaterThanOrEqual(5);
    expect(rollup().text).toContain(`${world.sekoia.appUrl}/operations/alerts/${listed[0]?.short_id}`);
    expect(rollup().edits).toBe(0);

    const high = world.sekoia.addAlert({ title: 'Mimikatz on DC-01', urgency: alertUrgency(90) });
    await idle();
    expect(world.alertCards()).toHaveLength(4);
    expect(world.alertCards().some((card) => card.text.includes(high.short_id))).toBe(true);

    // An update of a rolled-up alert edits its line in the roll-up, not a card.
    const updated = listed[0];
    world.sekoia.updateAlert(updated?.uuid ?? '', { statusName: 'Acknowledged', urgency: alertUrgency(60) });
    await advance(5_000);
    await advance(5_000);
    expect(world.alertCards()).toHaveLength(4);
    expect(rollup().text).toMatch(/0 high · 1 medium · 6 low/);
    expect(rollup().text).toMatch(new RegExp(`${updated?.short_id}[^"]*Acknowledged`));

    // Forty more in two edit slots: a handful of edits, not forty.
    const editsBefore = rollup().edits;
    await storm(20);
    await advance(2_500);
    await storm(20);
    await advance(5_000);
    await advance(5_000);
    expect(world.alertCards()).toHaveLength(4);
    expect(rollup().text).toContain('Alert storm: 47 alerts since 14:02 UTC');
    expect(rollup().edits - editsBefore).toBeLessThanOrEqual(3);

    // `status` and `storm` say the channel is in storm mode.
    expect(shown(await world.command('status'))).toMatch(/Storm mode: this channel, 47 alerts/);
    expect(shown(await world.command('storm'))).toMatch(/Storm mode: yes — 47 alerts/);

    // One window with nothing new for the roll-up: closed with a summary.
    await advance(5 * 60_000);
    await advance(5_000);
    expect(rollup().text).toContain('Storm over: 47 alerts from 14:02 to 14:02 UTC');
    expect(shown(await world.command('status'))).toContain('Storm mode: no channel');

    // The next alert has room again: a card of its own; the next storm opens a new roll-up.
    world.sekoia.addAlert({ title: 'After the storm', urgency: alertUrgency(30) });
    await idle();
    expect(world.alertCards()).toHaveLength(5);
    await storm(3);
    await advance(5_000);
    expect(world.summaries()).toHaveLength(2);
    expect(world.summaries()[1]?.text).toContain('Alert storm: 1 alert since');
  });

  it('keeps the counts and the roll-up card across a restart mid-storm', async () => {
    await storm(6);
    await advance(5_000);
    expect(rollup().text).toContain('Alert storm: 3 alerts');
    await world.restart();
    await storm(4);
    await advance(5_000);
    expect(world.alertCards()).toHaveLength(3);
    expect(rollup().text).toContain('Alert storm: 7 alerts');
    expect(rollup().edits).toBe(1);
    await advance(5 * 60_000 + 5_000);
    expect(rollup().text).toContain('Storm over: 7 alerts');
  });
});
