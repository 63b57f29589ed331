import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { usageError } from '../../src/rules/usage-error.ts';
import { BOB, type Harness, OPS, onlyReply, SOC, startHarness } from './command-harness.ts';

const HOUR = 3_600_000;

describe('rule commands through the neutral context', () => {
  let bot: Harness;
  beforeEach(async () => {
    bot = await startHarness();
  });
  afterEach(() => bot.close());

  it('subscribe → rules → mute → unmute → unsubscribe, each change announced', async () => {
    const created = await bot.run('subscribe alert-raised urgency>=high entity="Lyon HQ"');
    const reply = onlyReply(created);
    expect(reply.kind).toBe('success');
    const id = /Rule (\w+) created/.exec(reply.text)?.[1] ?? '';
    expect(reply.text).toBe(`Rule ${id} created: alert-raised urgency>=high entity="Lyon HQ"`);
    expect(created.announcements).toEqual([
      { kind: 'info', text: `@alice created rule ${id}: alert-raised urgency>=high entity="Lyon HQ"` },
    ]);

    const listed = onlyReply(await bot.run('rules'));
    expect(listed.text).toBe('1 rule in this channel:');
    expect(listed.lines).toEqual([`${id} · alert-raised urgency>=high entity="Lyon HQ" · 0 matches`]);

    const muted = await bot.run(`mute ${id.toUpperCase()} 2h maintenance window`);
    expect(onlyReply(muted)).toMatchObject({
      kind: 'success',
      text: `Rule ${id} muted for 2h, until 2026-03-02 10:00 UTC.`,
    });
    expect(muted.announcements[0]?.text).toBe(
      `@alice muted rule ${id} until 2026-03-02 10:00 UTC (maintenance window)`,
    );
    expect(onlyReply(await bot.run('rules')).lines?.[0]).toContain(
      'muted until 2026-03-02 10:00 UTC by alice (maintenance window)',
    );

    const unmuted = await bot.run(`unmute ${id}`, SOC, BOB);
    expect(onlyReply(unmuted)).toMatchObject({ kind: 'success', text: `Rule ${id} is active again.` });
    expect(unmuted.announcements[0]?.text).toBe(`@bob unmuted rule ${id}`);
    expect((await bot.rules.get(id))?.mute).toBeNull();

    const deleted = await bot.run(`unsubscribe ${id}`);
    expect(onlyReply(deleted)).toMatchObject({ kind: 'success', text: `Rule ${id} deleted.` });
    expect(deleted.announcements[0]?.text).toContain(`@alice deleted rule ${id}`);
    expect(await bot.rules.count()).toBe(0);
    expect(onlyReply(await bot.run('rules')).text).toBe('No rules in this channel yet.');
  });

  it('refuses every change from another channel with the answer an unknown id gets, and changes nothing', async () => {
    const id = /Rule (\w+)/.exec(onlyReply(await bot.run('subscribe report tlp=red')).text)?.[1] ?? '';
    const before = await bot.rules.listAll();
    const version = await bot.rules.version();
    for (const verb of [`mute ${id} 2h`, `unmute ${id}`, `unsubscribe ${id}`]) {
      const fromOps = await bot.run(verb, OPS, BOB);
      const unknown = await bot.run(verb.replace(id, 'zzzz'), OPS, BOB);
      expect(onlyReply(fromOps).kind).toBe('error');
      expect(onlyReply(fromOps).text).toBe(`no rule "${id}" in this channel — "rules" lists them`);
      expect(onlyReply(unknown).text).toBe('no rule "zzzz" in this channel — "rules" lists them');
      expect(fromOps.announcements).toEqual([]);
    }
    expect(onlyReply(await bot.run('rules', OPS, BOB)).text).toBe('No rules in this channel yet.');
    expect(await bot.rules.listAll()).toEqual(before);
    expect(await bot.rules.version()).toBe(version);
  });

  it('quotes the offending word and shows the usage', async () => {
    const cases: Array<[string, string, string]> = [
      [
        'subscribe alert-raised urgncy>=high',
        'unknown key "urgncy"',
        'subscribe <trigger> [condition …] [--name "text"] [--notify @name,… [--notify-urgency level]] [--remind 15m [--escalate @name,… 30m]] [--preview]',
      ],
      ['mute', 'mute needs a rule id and a duration like 2h', 'mute <rule-id> <duration> [reason]'],
      ['rules please', 'rules does not take "please"', 'rules'],
      ['unsubscribe a b', 'unsubscribe does not take "b"', 'unsubscribe <rule-id>'],
      ['help subscrbe', 'no command "subscrbe" — did you mean "subscribe"?', 'help [command]'],
    ];
    for (const [line, message, usage] of cases) {
      const reply = onlyReply(await bot.run(line));
      expect(reply.kind, line).toBe('error');
      expect(reply.text, line).toContain(message);
      expect(reply.code, line).toEqual([usage]);
    }
    expect(onlyReply(await bot.run('subscrbe report')).text).toBe(
      'unknown command "subscrbe" — did you mean "subscribe"?',
    );
  });

  it("stores a rule's --notify list and lists who it notifies", async () => {
    const created = onlyReply(
      await bot.run('subscribe alert-raised --notify @OnCall,@sre --notify-urgency high'),
    );
    const id = /Rule (\w+) created/.exec(created.text)?.[1] ?? '';
    expect(created.text).toBe(`Rule ${id} created: alert-raised --notify @oncall,@sre --notify-urgency high`);
    await bot.run('subscribe alert-raised --notify @here');
    expect(onlyReply(await bot.run('rules')).lines).toEqual([
      `${id} · alert-raised · notifies @oncall, @sre at high+ · 0 matches`,
      expect.stringMatching(/^\w+ · alert-raised · notifies @here · 0 matches$/),
    ]);
    expect((await bot.rules.get(id))?.notify).toEqual({
      mentions: [{ name: 'oncall' }, { name: 'sre' }],
      minUrgency: 'high',
    });
  });

  it('refuses --notify where the platform says its cards cannot mention, and stores nothing', async () => {
    const teams = { platform: 'teams', team: 'tenant-1', channel: '19:soc' } as const;
    const reply = onlyReply(
      await bot.run('subscribe alert-raised --notify @oncall', teams, undefined, { notifiesByName: false }),
    );
    expect(reply).toMatchObject({
      kind: 'error',
      text: '--notify is not available here yet: cards on this platform cannot mention people',
    });
    expect(await bot.rules.count()).toBe(0);
  });

  it('stores the mentions a platform resolves by id, and lists them by their names', async () => {
    const teams = { platform: 'teams', team: 'tenant-1', channel: '19:soc' } as const;
    const people = new Map([
      ['@Alice_Martin', { name: 'Alice Martin', id: '29:alice' }],
      ['@SOC_Oncall', { name: 'SOC Oncall', id: 'dGFn', group: true as const }],
    ]);
    const resolveMention = (typed: string) => {
      const mention = people.get(typed);
      if (mention === undefined) throw usageError(`no such mention ${typed}`);
      return mention;
    };
    const created = onlyReply(
      await bot.run('subscribe alert-raised --notify @Alice_Martin, @SOC_Oncall', teams, undefined, {
        resolveMention,
      }),
    );
    expect(created.text).toMatch(/created: alert-raised --notify @Alice Martin,@SOC Oncall$/);
    const listed = onlyReply(await bot.run('rules', teams));
    expect(listed.lines).toEqual([expect.stringMatching(/ · notifies @Alice Martin, @SOC Oncall · /)]);
    const refused = onlyReply(
      await bot.run('subscribe alert-raised --notify @bob', teams, undefined, { resolveMention }),
    );
    expect(refused).toMatchObject({ kind: 'error', text: 'no such mention @bob' });
    expect(await bot.rules.count()).toBe(1);
  });

  it('refuses a mute longer than 7 days, quoting it', async () => {
    const id = /Rule (\w+)/.exec(onlyReply(await bot.run('subscribe report')).text)?.[1] ?? '';
    const reply = onlyReply(await bot.run(`mute ${id} 8d`));
    expect(reply).toMatchObject({ kind: 'error', text: '"duration" must be between 1m and 7d, got "8d"' });
    expect((await bot.rules.get(id))?.mute).toBeNull();
  });

  it('reports counts in status and the status source as given', async () => {
    await bot.run('subscribe report');
    await bot.run('subscribe report', OPS);
    bot.status.sekoiaReachable = true;
    bot.status.lastWebhookAt = Date.UTC(2026, 2, 2, 7, 59);
    bot.status.pendingDeliveries = 3;
    expect(onlyReply(await bot.run('status')).lines).toEqual([
      'Sekoia.io: reachable',
      'Last WebHook: 2026-03-02 07:59 UTC',
      'Rules: 1 in this channel, 2 in all',
      'Pending deliveries: 3',
    ]);
    bot.status.deadLetters = 2;
    expect(onlyReply(await bot.run('status')).lines).toContain('Dead letters: 2');
  });

  it('lets the mute end at its time, without a job', async () => {
    const id = /Rule (\w+)/.exec(onlyReply(await bot.run('subscribe report')).text)?.[1] ?? '';
    const facts = { trigger: 'report' } as const;
    await bot.run(`mute ${id} 30m`);
    expect(bot.rules.match(facts)).toEqual([]);
    bot.clock.advance(30 * 60_000 - 1);
    expect(bot.rules.match(facts)).toEqual([]);
    bot.clock.advance(1);
    expect(bot.rules.match(facts).map((m) => m.rule.id)).toEqual([id]);
    expect(onlyReply(await bot.run(`unmute ${id}`)).text).toBe(`Rule ${id} is not muted.`);
    bot.clock.advance(HOUR);
    expect(onlyReply(await bot.run('rules')).lines?.[0]).not.toContain('muted');
  });
});
