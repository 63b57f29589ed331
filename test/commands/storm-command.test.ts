import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stormCommand } from '../../src/commands/storm-command.ts';
import { addToRollup, openRollup } from '../../src/delivery/rollup-state.ts';
import { stormAlert } from '../delivery/storm-alerts.ts';
import { type Harness, OPS, onlyReply, SOC, startHarness } from './command-harness.ts';

describe('storm command', () => {
  let bot: Harness;
  beforeEach(async () => {
    bot = await startHarness();
  });
  afterEach(() => bot.close());

  it('shows the default budget, and that the channel is not in storm mode', async () => {
    expect(onlyReply(await bot.run('storm')).lines).toEqual([
      'Budget: 20 new cards per 5m (the default)',
      'Alerts of high urgency always get their own card',
      'Storm mode: no',
    ]);
  });

  it('sets a budget for this channel only, announced to the channel', async () => {
    const ctx = await bot.run('storm budget 3 per 10m');
    expect(onlyReply(ctx)).toMatchObject({
      kind: 'success',
      text: expect.stringContaining('3 new cards per 10m'),
    });
    expect(ctx.announcements.map((a) => a.text)).toEqual([
      "@alice set this channel's storm budget to 3 new cards per 10m",
    ]);
    expect(onlyReply(await bot.run('storm')).lines?.[0]).toBe(
      'Budget: 3 new cards per 10m (set for this channel)',
    );
    expect(onlyReply(await bot.run('storm', OPS)).lines?.[0]).toBe(
      'Budget: 20 new cards per 5m (the default)',
    );
    expect(await bot.storms.setting(SOC)).toEqual({ budget: 3, windowMs: 600_000 });
  });

  it('turns budgets off, announced', async () => {
    const ctx = await bot.run('storm OFF');
    expect(onlyReply(ctx).kind).toBe('success');
    expect(ctx.announcements[0]?.text).toBe('@alice turned the storm budget off in this channel');
    expect(onlyReply(await bot.run('storm')).lines?.[0]).toBe('Budget: off — every alert gets its own card');
  });

  it('shows the open roll-up', async () => {
    const opened = bot.clock.now();
    let state = openRollup({ channel: SOC, budget: 20, windowMs: 300_000, ownCardAt: 'high' }, opened);
    for (let n = 1; n <= 3; n += 1) state = addToRollup(state, stormAlert(n, { urgency: 20 * n }), opened);
    await bot.storms.putStorm(state);
    expect(onlyReply(await bot.run('storm')).lines?.[2]).toBe(
      'Storm mode: yes — 3 alerts in the roll-up since 2026-03-02 08:00 UTC (0 high, 1 medium, 2 low)',
    );
  });

  it('gives examples that are themselves valid commands', async () => {
    for (const example of stormCommand.examples) {
      expect(onlyReply(await bot.run(example)).kind, example).not.toBe('error');
    }
  });

  it('quotes the offending word and shows the usage', async () => {
    const cases: [string, string][] = [
      ['storm loud', 'storm takes "budget" or "off", not "loud"'],
      ['storm budget many per 5m', 'the budget takes a whole number from 1 to 1000, got "many"'],
      ['storm budget 0 per 5m', 'the budget takes a whole number from 1 to 1000, got "0"'],
      ['storm budget 1001 per 5m', 'the budget takes a whole number from 1 to 1000, got "1001"'],
      ['storm budget 5 each 5m', 'storm budget 5 needs "per" and a window, like per 5m, got "each"'],
      ['storm budget 5 per 30s', '"window" takes a duration like 30m, 2h, 1h30m or 1d, got "30s"'],
      ['storm budget 5 per 2d', '"window" must be between 1m and 24h, got "2d"'],
      ['storm budget 5 per 5m now', 'storm does not take "now"'],
      ['storm off please', 'storm off does not take "please"'],
      ['storm budget', 'storm budget needs a number of cards, like 20 per 5m'],
    ];
    for (const [line, message] of cases) {
      const ctx = await bot.run(line);
      expect(onlyReply(ctx), line).toMatchObject({
        kind: 'error',
        text: message,
        code: ['storm [budget <N> per <window> | off]'],
      });
      expect(ctx.announcements, line).toEqual([]);
    }
    expect(await bot.storms.setting(SOC)).toBeUndefined();
  });

  it('lists the channels in storm mode in status', async () => {
    bot.status.storms = [
      {
        channel: SOC,
        alerts: 412,
        since: bot.clock.now(),
        byLevel: { high: 3, medium: 9, low: 400, unknown: 0 },
      },
      {
        channel: OPS,
        alerts: 25,
        since: bot.clock.now(),
        byLevel: { high: 0, medium: 0, low: 25, unknown: 0 },
      },
    ];
    const lines = onlyReply(await bot.run('status')).lines ?? [];
    expect(lines).toContain(
      'Storm mode: this channel, 412 alerts in its roll-up since 2026-03-02 08:00 UTC (3 high, 9 medium, 400 low)',
    );
    expect(lines).toContain(
      'Storm mode: mattermost channel ops, 25 alerts in its roll-up since 2026-03-02 08:00 UTC (0 high, 0 medium, 25 low)',
    );
    bot.status.storms = [];
    expect(onlyReply(await bot.run('status')).lines).toContain('Storm mode: no channel');
  });
});
