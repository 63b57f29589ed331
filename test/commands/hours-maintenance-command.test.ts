import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/commands/command-context.ts';
import { hoursCommand } from '../../src/commands/hours-command.ts';
import { maintenanceCommand } from '../../src/commands/maintenance-command.ts';
import { type Harness, OPS, onlyReply, SOC, startHarness } from './command-harness.ts';

const MONDAY_0800_UTC = Date.UTC(2026, 2, 2, 8, 0);

describe('hours command', () => {
  let bot: Harness;
  beforeEach(async () => {
    bot = await startHarness();
    bot.clock.set(MONDAY_0800_UTC);
  });
  afterEach(() => bot.close());

  it('shows that no hours are set', async () => {
    expect(onlyReply(await bot.run('hours')).lines).toEqual([
      'Hours: not set — every alert is posted at once',
    ]);
  });

  it('sets the hours for this channel only, announced, and says whether the channel is in hours now', async () => {
    const ctx = await bot.run('hours mon-fri 08:00-19:00 Europe/Paris');
    expect(onlyReply(ctx).kind).toBe('success');
    expect(ctx.announcements.map((a) => a.text)).toEqual([
      "@alice set this channel's working hours to Mon–Fri 08:00–19:00 Europe/Paris, alerts under high urgency held outside them",
    ]);
    // 08:00 UTC is 09:00 in Paris (UTC+1 in March before the change).
    expect(onlyReply(await bot.run('hours')).lines?.[2]).toBe(
      'Now: in working hours — alerts are posted at once',
    );
    expect(onlyReply(await bot.run('hours', OPS)).lines?.[0]).toBe(
      'Hours: not set — every alert is posted at once',
    );
    bot.clock.set(Date.UTC(2026, 2, 6, 18, 30)); // Friday 19:30 in Paris
    expect(onlyReply(await bot.run('hours')).lines?.[2]).toBe(
      'Now: outside working hours — opens Mon 08:00 Europe/Paris (2026-03-09 07:00 UTC); 0 alerts held so far',
    );
    expect(await bot.holds.hours(SOC)).toMatchObject({ days: [1, 2, 3, 4, 5], start: 480, end: 1140 });
  });

  it('turns the hours off, announced; what was held is released now', async () => {
    await bot.run('hours mon-fri 08:00-19:00 UTC');
    bot.clock.set(Date.UTC(2026, 2, 2, 20, 0));
    const ctx = await bot.run('hours off');
    expect(onlyReply(ctx).kind).toBe('success');
    expect(ctx.announcements[0]?.text).toBe('@alice turned working hours off in this channel');
    expect(await bot.holds.hours(SOC)).toBeUndefined();
    const release = bot.jobs.at(-1);
    expect(release?.kind).toBe('hold-release');
    expect(release?.runAt).toBe(bot.clock.now());
    expect(JSON.parse(release?.payload ?? '{}').batchId).toBe(`hours-${Date.UTC(2026, 2, 3, 8, 0)}`);
  });

  it('refuses bad input quoting the word, and changes nothing', async () => {
    const cases = [
      [
        'hours mon-fri 08:00-19:00 Europe/Lyon',
        'unknown time zone "Europe/Lyon"; use an IANA name like Europe/Paris or UTC',
      ],
      ['hours weekdays 08:00-19:00 UTC', 'days are like mon-fri, mon,wed,fri or daily, got "weekdays"'],
      ['hours mon-fri 8-19 UTC', 'hours are like 08:00-19:00 (24-hour clock), got "8-19"'],
      ['hours off now', 'hours off does not take "now"'],
    ];
    for (const [line, message] of cases) {
      const ctx = await bot.run(line as string);
      expect(onlyReply(ctx), line).toMatchObject({ kind: 'error', text: message });
      expect(ctx.announcements, line).toEqual([]);
    }
    expect(await bot.holds.hours(SOC)).toBeUndefined();
  });

  it('needs act access to change, none to show', () => {
    // What it needs depends on the words only.
    const anyContext = {} as CommandContext;
    expect(hoursCommand.needs?.('', anyContext)).toBeUndefined();
    expect(hoursCommand.needs?.('off', anyContext)).toBe('act');
    expect(maintenanceCommand.needs?.('', anyContext)).toBeUndefined();
    expect(maintenanceCommand.needs?.('end k3m9', anyContext)).toBe('act');
  });
});

describe('maintenance command', () => {
  let bot: Harness;
  beforeEach(async () => {
    bot = await startHarness();
    bot.clock.set(MONDAY_0800_UTC);
  });
  afterEach(() => bot.close());

  it('opens a window on an entity, announced, with its release queued at its end; lists it; ends it', async () => {
    const ctx = await bot.run('maintenance entity="Lyon HQ" 2h switch upgrade');
    const reply = onlyReply(ctx);
    expect(reply.kind).toBe('success');
    const id = /window (\S+) open/.exec(reply.text)?.[1] ?? '';
    expect(id).toMatch(/^[a-z][a-z2-9]{3}$/);
    expect(ctx.announcements[0]?.text).toBe(
      '@alice opened a maintenance window on entity="Lyon HQ" (switch upgrade) until 2026-03-02 10:00 UTC',
    );
    expect(bot.jobs).toMatchObject([{ kind: 'hold-release', runAt: MONDAY_0800_UTC + 2 * 3_600_000 }]);
    expect((await bot.holds.windows(SOC))[0]?.condition).toEqual({
      key: 'entity',
      op: '=',
      values: ['Lyon HQ'],
    });

    bot.clock.advance(30 * 60_000);
    expect(onlyReply(await bot.run('maintenance')).lines).toEqual([
      `${id} — entity="Lyon HQ" (switch upgrade), 1h30m left, 0 alerts held`,
    ]);
    expect(onlyReply(await bot.run('maintenance', OPS)).lines).toEqual(['none open in this channel']);

    const ended = await bot.run(`maintenance end ${id.toUpperCase()}`);
    expect(onlyReply(ended).kind).toBe('success');
    expect(ended.announcements[0]?.text).toBe(
      '@alice ended the maintenance window on entity="Lyon HQ" (switch upgrade)',
    );
    expect(bot.jobs.at(-1)).toMatchObject({ kind: 'hold-release', runAt: bot.clock.now() });
    expect(onlyReply(await bot.run('maintenance')).lines).toEqual(['none open in this channel']);
  });

  it('refuses bad input quoting the word', async () => {
    const cases = [
      [
        'maintenance status=closed 2h',
        'maintenance takes entity=<name> or asset=<name or uuid>, got "status=closed"',
      ],
      [
        'maintenance entity~Lyon 2h',
        'maintenance takes entity=<name> or asset=<name or uuid>, got "entity~Lyon"',
      ],
      ['maintenance entity=Lyon 8d', '"duration" must be between 1m and 7d, got "8d"'],
      ['maintenance entity=Lyon', 'maintenance needs a duration like 2h after the entity or asset'],
      ['maintenance end zzzz', 'no open maintenance window "zzzz" in this channel (see: maintenance)'],
    ];
    for (const [line, message] of cases) {
      const ctx = await bot.run(line as string);
      expect(onlyReply(ctx), line).toMatchObject({ kind: 'error', text: message });
      expect(ctx.announcements, line).toEqual([]);
    }
    expect(await bot.holds.windows(SOC)).toEqual([]);
    expect(bot.jobs).toEqual([]);
  });
});

describe('status, for what the channel holds', () => {
  let bot: Harness;
  beforeEach(async () => {
    bot = await startHarness();
    bot.clock.set(MONDAY_0800_UTC);
  });
  afterEach(() => bot.close());

  const holdLines = async (channel = SOC) =>
    (onlyReply(await bot.run('status', channel)).lines ?? []).filter((line) =>
      /^(Working hours|Maintenance window)/.test(line),
    );

  it('lists the working hours while they are closed, and each open maintenance window', async () => {
    expect(await holdLines()).toEqual([]);
    await bot.run('hours mon-fri 08:00-19:00 Europe/Paris');
    // In hours (09:00 in Paris): nothing waits for them.
    expect(await holdLines()).toEqual([]);
    const opened = onlyReply(await bot.run('maintenance entity="Lyon HQ" 2h switch upgrade')).text;
    const id = /window (\S+) open/.exec(opened)?.[1] ?? '';
    bot.clock.set(Date.UTC(2026, 2, 2, 9, 0)); // 10:00 in Paris, an hour into the window
    expect(await holdLines()).toEqual([
      `Maintenance window ${id} — entity="Lyon HQ" (switch upgrade), 1h left, 0 alerts held`,
    ]);
    bot.clock.set(Date.UTC(2026, 2, 6, 18, 30)); // Friday 19:30 in Paris; the window is over
    expect(await holdLines()).toEqual([
      'Working hours: closed until Mon 08:00 Europe/Paris (2026-03-09 07:00 UTC), 0 alerts held',
    ]);
    // Another channel's hours and windows are its own.
    expect(await holdLines(OPS)).toEqual([]);
  });
});
