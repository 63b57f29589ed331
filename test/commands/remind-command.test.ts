import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelRef, Mention } from '../../src/rules/rule.ts';
import { usageError } from '../../src/rules/usage-error.ts';
import { ALICE, type Harness, OPS, onlyReply, startHarness } from './command-harness.ts';

const TEAMS: ChannelRef = { platform: 'teams', team: 'tenant-1', channel: '19:soc@thread.tacv2' };
const idOf = (text: string) => /Rule (\S+) created/.exec(text)?.[1] ?? '';

describe('remind command and the remind plan of rules', () => {
  let bot: Harness;
  beforeEach(async () => {
    bot = await startHarness();
  });
  afterEach(() => bot.close());

  it('subscribe shows the plan; rules lists it', async () => {
    const ctx = await bot.run(
      'subscribe alert-raised --notify @oncall --remind 15m --escalate @secops-leads 30m',
    );
    expect(onlyReply(ctx).lines).toEqual([
      'Unacknowledged cards: reminds after 15m, escalates to @secops-leads after 30m.',
    ]);
    expect(onlyReply(await bot.run('rules')).lines?.[0]).toContain(
      'notifies @oncall · reminds after 15m, escalates to @secops-leads after 30m',
    );
  });

  it('sets, changes and removes the plan of a rule of this channel, announced', async () => {
    const id = idOf(onlyReply(await bot.run('subscribe alert-raised')).text);
    const set = await bot.run(`remind ${id.toUpperCase()} 10m --escalate @leads,@boss 1h`);
    expect(onlyReply(set)).toMatchObject({
      kind: 'success',
      text: `Rule ${id} reminds after 10m, escalates to @leads, @boss after 1h.`,
    });
    expect(set.announcements.map((a) => a.text)).toEqual([
      `@alice changed rule ${id}: it reminds after 10m, escalates to @leads, @boss after 1h`,
    ]);
    expect((await bot.rules.get(id))?.remind).toEqual({
      afterMs: 600_000,
      escalate: { mentions: [{ name: 'leads' }, { name: 'boss' }], afterMs: 3_600_000 },
    });
    await bot.run(`remind ${id} 5m --escalate=@leads 20m`);
    expect((await bot.rules.get(id))?.remind?.escalate?.afterMs).toBe(1_200_000);
    const off = await bot.run(`remind ${id} off`);
    expect(onlyReply(off).text).toBe(`Rule ${id} no longer reminds.`);
    expect((await bot.rules.get(id))?.remind).toBeUndefined();
  });

  it.each([
    ['remind', 'remind needs a rule id and a delay'],
    ['remind r7k2', 'remind needs a rule id and a delay'],
    ['remind {id} 15m --later @x 30m', 'remind does not take "--later"'],
    ['remind {id} 15m --escalate @x', '--escalate needs names then a delay'],
    ['remind {id} 15m --escalate @x 30m extra', 'remind does not take "extra"'],
    ['remind {id} 45m --escalate @x 30m', '--escalate must come later than the reminder'],
  ])('refuses %s', async (line, message) => {
    const id = idOf(onlyReply(await bot.run('subscribe alert-raised')).text);
    const ctx = await bot.run(line.replace('{id}', id));
    expect(onlyReply(ctx)).toMatchObject({ kind: 'error', text: expect.stringContaining(message) });
    expect((await bot.rules.get(id))?.remind).toBeUndefined();
  });

  it('refuses a rule of another channel like an unknown one, and a rule without alert cards', async () => {
    const id = idOf(onlyReply(await bot.run('subscribe alert-raised', OPS)).text);
    expect(onlyReply(await bot.run(`remind ${id} 15m`)).text).toContain(`no rule "${id}" in this channel`);
    const report = idOf(onlyReply(await bot.run('subscribe report')).text);
    expect(onlyReply(await bot.run(`remind ${report} 15m`)).text).toContain('--remind only works with');
  });

  it('where cards cannot ping names, a reminder yes, an escalation to names no', async () => {
    const mute = { notifiesByName: false };
    expect(onlyReply(await bot.run('subscribe alert-raised --remind 15m', TEAMS, ALICE, mute)).kind).toBe(
      'success',
    );
    const refused = await bot.run(
      'subscribe alert-raised --remind 15m --escalate @leads 30m',
      TEAMS,
      ALICE,
      mute,
    );
    expect(onlyReply(refused).text).toContain('--escalate is not available here yet');
    const id = idOf(onlyReply(await bot.run('subscribe alert-raised', TEAMS, ALICE, mute)).text);
    expect(
      onlyReply(await bot.run(`remind ${id} 15m --escalate @leads 30m`, TEAMS, ALICE, mute)).text,
    ).toContain('--escalate is not available here yet');
  });

  it('where mentions are by id, --escalate takes what the platform says each picked word names', async () => {
    const leads: Mention = { name: 'SecOps Leads', id: 'tag-1', group: true };
    const byId = {
      resolveMention: (typed: string): Mention => {
        if (typed === '@SecOps_Leads') return leads;
        throw usageError(`--notify ${typed} is plain text`);
      },
    };
    const line = 'subscribe alert-raised --remind 15m --escalate @SecOps_Leads 30m';
    const id = idOf(onlyReply(await bot.run(line, TEAMS, ALICE, byId)).text);
    expect((await bot.rules.get(id))?.remind?.escalate?.mentions).toEqual([leads]);
    const typed = await bot.run(`remind ${id} 15m --escalate @Bob 30m`, TEAMS, ALICE, byId);
    expect(onlyReply(typed).text).toContain('is plain text');
  });
});
