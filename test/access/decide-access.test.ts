import { describe, expect, it } from 'vitest';
import { ACCESS_LEVELS, type AccessLevel, type AccessNeed } from '../../src/access/access-level.ts';
import { decideAccess } from '../../src/access/decide-access.ts';
import { type AccessRefusal, describeAccessRefusal } from '../../src/access/describe-access-refusal.ts';
import type { MemberRoles } from '../../src/access/member-roles.ts';

const WHO: Readonly<Record<string, MemberRoles>> = {
  guest: { member: true, guest: true, admin: false },
  'guest admin': { member: true, guest: true, admin: true },
  outsider: { member: false, guest: false, admin: false },
  member: { member: true, guest: false, admin: false },
  'member, admins unknown': { member: true, guest: false, admin: null },
  admin: { member: true, guest: false, admin: true },
  'system admin outside the channel': { member: false, guest: false, admin: true },
};

/** level → need → who → allowed, or the reason of the refusal. */
const EXPECTED: Record<AccessLevel, Record<AccessNeed, Record<keyof typeof WHO, string>>> = {
  everyone: {
    act: {
      guest: 'guest',
      'guest admin': 'guest',
      outsider: 'not-member',
      member: 'allowed',
      'member, admins unknown': 'allowed',
      admin: 'allowed',
      'system admin outside the channel': 'allowed',
    },
    govern: {
      guest: 'guest',
      'guest admin': 'guest',
      outsider: 'not-member',
      member: 'not-admin',
      'member, admins unknown': 'admins-unknown',
      admin: 'allowed',
      'system admin outside the channel': 'allowed',
    },
  },
  admins: {
    act: {
      guest: 'guest',
      'guest admin': 'guest',
      outsider: 'not-member',
      member: 'not-admin',
      'member, admins unknown': 'not-admin',
      admin: 'allowed',
      'system admin outside the channel': 'allowed',
    },
    govern: {
      guest: 'guest',
      'guest admin': 'guest',
      outsider: 'not-member',
      member: 'not-admin',
      'member, admins unknown': 'admins-unknown',
      admin: 'allowed',
      'system admin outside the channel': 'allowed',
    },
  },
  groups: {
    // Without the user's groups the decision waits on them (the guard reads them, then asks again).
    act: {
      guest: 'guest',
      'guest admin': 'guest',
      outsider: 'not-member',
      member: 'groups-unknown',
      'member, admins unknown': 'groups-unknown',
      admin: 'allowed',
      'system admin outside the channel': 'allowed',
    },
    govern: {
      guest: 'guest',
      'guest admin': 'guest',
      outsider: 'not-member',
      member: 'not-admin',
      'member, admins unknown': 'admins-unknown',
      admin: 'allowed',
      'system admin outside the channel': 'allowed',
    },
  },
};

const cases = ACCESS_LEVELS.flatMap((level) =>
  (['act', 'govern'] as const).flatMap((need) =>
    Object.keys(WHO).map((who) => ({ level, need, who, expected: EXPECTED[level][need][who] })),
  ),
);

describe('the access policy (pure)', () => {
  it.each(cases)('$level, $need, $who → $expected', ({ level, need, who, expected }) => {
    const decision = decideAccess({ level, groups: ['secops'] }, need, WHO[who] as MemberRoles);
    expect(decision.allowed ? 'allowed' : decision.reason).toBe(expected);
  });

  it('covers every level, need and kind of user', () => {
    expect(cases).toHaveLength(ACCESS_LEVELS.length * 2 * Object.keys(WHO).length);
  });

  it('at groups, lets a member of a named group act, and no one else but admins', () => {
    const setting = { level: 'groups', groups: ['secops', 'soc-leads'] } as const;
    const member = WHO.member as MemberRoles;
    const decide = (who: MemberRoles, groups: string[]) => {
      const decision = decideAccess(setting, 'act', who, groups);
      return decision.allowed ? 'allowed' : decision.reason;
    };
    expect(decide(member, ['soc-leads'])).toBe('allowed');
    expect(decide(member, ['other', 'secops'])).toBe('allowed');
    expect(decide(member, ['other'])).toBe('not-in-group');
    expect(decide(member, [])).toBe('not-in-group');
    expect(decide(WHO.guest as MemberRoles, ['secops'])).toBe('guest');
    expect(decide(WHO.outsider as MemberRoles, ['secops'])).toBe('not-member');
    expect(decide(WHO.admin as MemberRoles, [])).toBe('allowed');
    // Membership of a group never lets anyone change the level: that stays with admins.
    const governed = decideAccess(setting, 'govern', member, ['secops']);
    expect(governed.allowed ? 'allowed' : governed.reason).toBe('not-admin');
    // A setting without its groups (never written so, but read defensively) admits admins only.
    const bare = decideAccess({ level: 'groups' }, 'act', member, ['secops']);
    expect(bare.allowed ? 'allowed' : bare.reason).toBe('not-in-group');
  });
});

describe('what a refused user is told', () => {
  const refusal = (reason: AccessRefusal['reason'], need: AccessNeed = 'act'): AccessRefusal => ({
    reason,
    need,
    level: 'admins',
  });

  it('says why a click was refused', () => {
    expect(describeAccessRefusal(refusal('guest'), 'click')).toBe('Guests cannot act on alerts.');
    expect(describeAccessRefusal(refusal('not-admin'), 'click')).toBe(
      'Only channel admins can act on alerts in this channel (access: admins).',
    );
    expect(describeAccessRefusal(refusal('lookup-failed'), 'click')).toMatch(/Try again in a moment\.$/);
  });

  it('names the groups when a click or command is refused at level groups', () => {
    const groups: AccessRefusal = {
      reason: 'not-in-group',
      need: 'act',
      level: 'groups',
      groups: ['secops', 'soc-leads'],
    };
    expect(describeAccessRefusal(groups, 'click')).toBe(
      'Only members of @secops, @soc-leads and channel admins may act here (access: groups).',
    );
    expect(describeAccessRefusal(groups, 'command')).toBe(
      "Only members of @secops, @soc-leads and channel admins can change this channel's rules and settings (access: groups).",
    );
    expect(describeAccessRefusal({ ...groups, reason: 'groups-unavailable' }, 'click')).toBe(
      'Only members of @secops, @soc-leads and channel admins may act here, and the bot cannot read who is in a group on this server (user groups are unavailable there); nothing was changed. A channel admin can still act, or change access.',
    );
  });

  it('says why a command was refused', () => {
    expect(describeAccessRefusal(refusal('guest'), 'command')).toBe(
      "Guests cannot change this channel's rules and settings.",
    );
    expect(describeAccessRefusal(refusal('not-admin'), 'command')).toBe(
      "Only channel admins can change this channel's rules and settings (access: admins).",
    );
    expect(describeAccessRefusal(refusal('not-admin', 'govern'), 'command')).toBe(
      'Only channel admins can change who may act in this channel.',
    );
    expect(describeAccessRefusal(refusal('admins-unknown', 'govern'), 'command')).toMatch(
      /cannot tell who the channel admins are on this platform, so access stays everyone/,
    );
  });
});
