import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/commands/command-context.ts';
import { digestCommand } from '../../src/commands/digest-command.ts';
import { type Harness, OPS, onlyReply, startHarness } from './command-harness.ts';

/** Monday 7 December 2026, 10:00 UTC (11:00 in Paris). */
const MONDAY = Date.UTC(2026, 11, 7, 10, 0);

describe('digest command', () => {
  let bot: Harness;
  beforeEach(async () => {
    bot = await startHarness();
    bot.clock.set(MONDAY);
  });
  afterEach(() => bot.close());

  it('shows that no digest is set', async () => {
    expect(onlyReply(await bot.run('digest')).lines).toEqual([
      'Digest: off — set it with digest daily 09:00 Europe/Paris',
    ]);
  });

  it('sets it for this channel only, announced, with its first run queued; shows it; turns it off', async () => {
    const ctx = await bot.run('digest daily 09:00 Europe/Paris');
    expect(onlyReply(ctx)).toMatchObject({
      kind: 'success',
      text: 'Daily digest set: every day at 09:00 Europe/Paris. Next: Tue 09:00 Europe/Paris (2026-12-08 08:00 UTC).',
    });
    expect(ctx.announcements.map((a) => a.text)).toEqual([
      "@alice set this channel's daily digest to 09:00 Europe/Paris",
    ]);
    const run = bot.jobs.at(-1);
    expect(run?.kind).toBe('daily-digest');
    expect(run?.runAt).toBe(Date.UTC(2026, 11, 8, 8, 0));
    expect(onlyReply(await bot.run('digest')).lines).toEqual([
      'Digest: every day at 09:00 Europe/Paris, covering the 24 hours before',
      'Next: Tue 09:00 Europe/Paris (2026-12-08 08:00 UTC)',
    ]);
    expect(onlyReply(await bot.run('digest', OPS)).lines?.[0]).toMatch(/^Digest: off/);
    // Without a zone: UTC, and today when the time is still ahead.
    expect(onlyReply(await bot.run('digest daily 18:30')).text).toContain('Next: Mon 18:30 UTC');
    const off = await bot.run('digest off');
    expect(onlyReply(off).text).toBe('Daily digest off in this channel.');
    expect(off.announcements[0]?.text).toBe('@alice turned the daily digest off in this channel');
    expect(onlyReply(await bot.run('digest')).lines?.[0]).toMatch(/^Digest: off/);
  });

  it('refuses bad input quoting the word, and changes nothing', async () => {
    const cases = [
      [
        'digest daily 09:00 Europe/Lyon',
        'unknown time zone "Europe/Lyon"; use an IANA name like Europe/Paris or UTC',
      ],
      ['digest daily 9am', 'digest daily needs a time like 09:00 (24-hour clock), got "9am"'],
      ['digest daily', 'digest daily needs a time like 09:00 (24-hour clock)'],
      ['digest weekly 09:00', 'digest takes daily or off, got "weekly"'],
      ['digest off now', 'digest off does not take "now"'],
      ['digest daily 09:00 UTC extra', 'digest does not take "extra"'],
    ];
    for (const [line, message] of cases) {
      const ctx = await bot.run(line as string);
      expect(onlyReply(ctx), line).toMatchObject({ kind: 'error', text: message });
      expect(ctx.announcements, line).toEqual([]);
    }
    expect(bot.jobs).toEqual([]);
  });

  it('needs act access to change, none to show', () => {
    const anyContext = {} as CommandContext;
    expect(digestCommand.needs?.('', anyContext)).toBeUndefined();
    expect(digestCommand.needs?.('daily 09:00', anyContext)).toBe('act');
    expect(digestCommand.needs?.('off', anyContext)).toBe('act');
  });
});
