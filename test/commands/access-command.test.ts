import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatTime } from '../../src/format-time.ts';
import { ADMIN, GUEST } from '../access/memory-access-store.ts';
import { ALICE, BOB, CAROL, type Harness, OPS, onlyReply, SOC, startHarness } from './command-harness.ts';

describe('who may run the commands that change things (access)', () => {
  let bot: Harness;
  beforeEach(async () => {
    bot = await startHarness();
  });
  afterEach(() => bot.close());

  it('lets every member change rules by default, and shows the level as everyone', async () => {
    expect(onlyReply(await bot.run('subscribe alert-raised urgency>=high')).kind).toBe('success');
    const shown = onlyReply(await bot.run('access'));
    expect(shown.text).toBe('Access in this channel: everyone (not set here: the default)');
    expect(shown.lines?.[0]).toBe(
      'Alert buttons and rule changes: every member of the channel; guests never act',
    );
  });

  it('refuses every changing command to a guest, and leaves the reading ones open', async () => {
    bot.roles.set(ALICE.id, GUEST);
    for (const line of [
      'subscribe alert-raised',
      'unsubscribe r7k2',
      'mute r7k2 2h',
      'unmute r7k2',
      'storm off',
    ]) {
      const ctx = await bot.run(line);
      expect(onlyReply(ctx), line).toEqual({
        kind: 'error',
        text: "Guests cannot change this channel's rules and settings.",
      });
      expect(ctx.announcements, line).toEqual([]);
    }
    expect(await bot.rules.listByChannel(SOC)).toEqual([]);
    expect(await bot.storms.setting(SOC)).toBeUndefined();
    for (const line of ['help', 'rules', 'status', 'storm', 'access'])
      expect(onlyReply(await bot.run(line)).kind, line).toBe('info');
  });

  it('lets only admins set the level, announces it, and then refuses members what changes things', async () => {
    const refused = await bot.run('access admins');
    expect(onlyReply(refused)).toEqual({
      kind: 'error',
      text: 'Only channel admins can change who may act in this channel.',
    });
    expect(await bot.access.level(SOC)).toBe('everyone');
    bot.roles.set(BOB.id, ADMIN);
    const set = await bot.run('access admins', SOC, BOB);
    expect(onlyReply(set).kind).toBe('success');
    expect(set.announcements.map((reply) => reply.text)).toEqual([
      '@bob set who may act in this channel to admins: channel admins only (team and system admins too)',
    ]);
    expect(onlyReply(await bot.run('subscribe alert-raised'))).toEqual({
      kind: 'error',
      text: "Only channel admins can change this channel's rules and settings (access: admins).",
    });
    expect(onlyReply(await bot.run('subscribe alert-raised', SOC, BOB)).kind).toBe('success');
    // Another channel keeps its own level.
    expect(onlyReply(await bot.run('subscribe alert-raised', OPS)).kind).toBe('success');
    expect(onlyReply(await bot.run('access')).text).toBe(
      `Access in this channel: admins (set by @bob on ${formatTime(bot.clock.now())})`,
    );
    expect(onlyReply(await bot.run('access admins', SOC, BOB)).text).toBe(
      'Access is already admins in this channel.',
    );
  });

  it('says the level cannot be changed where the platform does not tell admins, and keeps everyone', async () => {
    bot.roles.set(ALICE.id, { member: true, guest: false, admin: null });
    for (const line of ['access admins', 'access everyone']) {
      const ctx = await bot.run(line);
      expect(onlyReply(ctx).text, line).toMatch(
        /^Access cannot be changed here yet: .* access stays everyone/,
      );
      expect(ctx.announcements).toEqual([]);
    }
    expect(await bot.access.level(SOC)).toBe('everyone');
    expect(onlyReply(await bot.run('subscribe alert-raised')).kind).toBe('success');
  });

  it('refuses, fail closed, when the platform cannot say who the user is', async () => {
    bot.roles.set(ALICE.id, () => {
      throw new Error('Mattermost down');
    });
    expect(onlyReply(await bot.run('subscribe alert-raised')).text).toMatch(/^Could not check your role/);
    expect(await bot.rules.listByChannel(SOC)).toEqual([]);
    expect(bot.captured.records().some((entry) => entry.msg === 'access check failed; refused')).toBe(true);
  });

  it('answers a level it does not know with the usage, whoever asks', async () => {
    bot.roles.set(ALICE.id, GUEST);
    expect(onlyReply(await bot.run('access nobody'))).toEqual({
      kind: 'error',
      text: 'access takes everyone, admins, groups, not "nobody"',
      code: ['access [everyone | admins | groups @group[,@group…]]'],
    });
  });

  describe('access groups', () => {
    const USAGE = ['access [everyone | admins | groups @group[,@group…]]'];
    beforeEach(() => {
      bot.roles.set(BOB.id, ADMIN);
      bot.groups.groups.set('secops', new Set([CAROL.id]));
      bot.groups.groups.set('soc-leads', new Set());
    });

    it('sets, shows and announces the named groups; then only their members and admins change things', async () => {
      const set = await bot.run('access groups @secops,@soc-leads', SOC, BOB);
      expect(onlyReply(set)).toEqual({
        kind: 'success',
        text: 'Access set to groups: members of @secops, @soc-leads and channel admins (team and system admins too) may act on alerts and change rules.',
      });
      expect(set.announcements.map((reply) => reply.text)).toEqual([
        '@bob set who may act in this channel to groups: members of @secops, @soc-leads and channel admins (team and system admins too)',
      ]);
      expect(await bot.access.setting(SOC)).toEqual({
        level: 'groups',
        groups: ['secops', 'soc-leads'],
        setBy: 'bob',
        setAt: bot.clock.now(),
      });
      const shown = onlyReply(await bot.run('access'));
      expect(shown.text).toBe(
        `Access in this channel: groups @secops, @soc-leads (set by @bob on ${formatTime(bot.clock.now())})`,
      );
      expect(shown.lines?.[0]).toBe(
        'Alert buttons and rule changes: members of @secops, @soc-leads and channel admins (team and system admins too); guests never act',
      );

      expect(onlyReply(await bot.run('subscribe alert-raised'))).toEqual({
        kind: 'error',
        text: "Only members of @secops, @soc-leads and channel admins can change this channel's rules and settings (access: groups).",
      });
      expect(onlyReply(await bot.run('subscribe alert-raised', SOC, CAROL)).kind).toBe('success');
      expect(onlyReply(await bot.run('subscribe alert-raised', SOC, BOB)).kind).toBe('success');
      bot.roles.set(CAROL.id, GUEST);
      expect(onlyReply(await bot.run('subscribe alert-raised', SOC, CAROL)).text).toBe(
        "Guests cannot change this channel's rules and settings.",
      );
      // A member of a group still cannot change the level itself.
      bot.roles.delete(CAROL.id);
      expect(onlyReply(await bot.run('access everyone', SOC, CAROL)).text).toBe(
        'Only channel admins can change who may act in this channel.',
      );
      // Same groups again, in any spelling: nothing to change.
      expect(onlyReply(await bot.run('access groups soc-leads SECOPS', SOC, BOB)).text).toBe(
        'Access is already groups in this channel.',
      );
    });

    it('refuses a group the platform does not know, quoting it with the closest name, and changes nothing', async () => {
      const ctx = await bot.run('access groups @secops,@secopz', SOC, BOB);
      expect(onlyReply(ctx)).toEqual({
        kind: 'error',
        text: 'no group @secopz is known here — did you mean @secops?',
        code: USAGE,
      });
      expect(ctx.announcements).toEqual([]);
      expect(await bot.access.setting(SOC)).toEqual({ level: 'everyone' });
      expect(onlyReply(await bot.run('access groups', SOC, BOB)).text).toBe(
        'access groups needs the names of one or more groups, like @secops,@soc-leads',
      );
      expect(onlyReply(await bot.run('access groups sec/ops', SOC, BOB)).text).toBe(
        '"sec/ops" is not a group name (letters, digits, . - _)',
      );
      expect(onlyReply(await bot.run('access admins @secops', SOC, BOB)).text).toBe(
        'access admins does not take "@secops"',
      );
    });

    it('refuses a member who is no admin, before asking anything of the groups', async () => {
      const ctx = await bot.run('access groups @secops');
      expect(onlyReply(ctx)).toEqual({
        kind: 'error',
        text: 'Only channel admins can change who may act in this channel.',
      });
      expect(await bot.access.setting(SOC)).toEqual({ level: 'everyone' });
    });

    it('says why when the platform has no groups, and keeps the level', async () => {
      bot.groups.unavailable = 'This server has no user groups; nothing was changed.';
      const ctx = await bot.run('access groups @secops', SOC, BOB);
      expect(onlyReply(ctx)).toEqual({
        kind: 'error',
        text: 'This server has no user groups; nothing was changed.',
        code: USAGE,
      });
      expect(ctx.announcements).toEqual([]);
      expect(await bot.access.setting(SOC)).toEqual({ level: 'everyone' });
    });

    it('refuses the level where the platform has no named groups, with its reason, to whoever asks', async () => {
      const teams = { platform: 'teams', team: 't', channel: '19:soc@thread.tacv2' };
      // As on Teams: the platform cannot tell admins either; the reason given is the groups'.
      bot.roles.set(ALICE.id, { member: true, guest: false, admin: null });
      const ctx = await bot.run('access groups @secops', teams);
      expect(onlyReply(ctx).text).toBe('Named groups are not available here yet.');
      expect(ctx.announcements).toEqual([]);
      expect(await bot.access.setting(teams)).toEqual({ level: 'everyone' });
    });
  });
});
