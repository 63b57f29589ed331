import { describe, expect, it } from 'vitest';
import { BotError } from '../../../src/errors.ts';
import { createTeamsMemberDirectory } from '../../../src/platforms/teams/create-teams-member-directory.ts';
import type { TeamsConversation } from '../../../src/platforms/teams/teams-conversation.ts';

const TEAM = '19:team-sec@thread.tacv2';
const CHANNEL = '19:soc-vip@thread.tacv2';

function conversation(over: Partial<TeamsConversation>): TeamsConversation {
  return {
    id: CHANNEL,
    kind: 'channel',
    channelType: 'standard',
    serviceUrl: 'http://127.0.0.1:4010/',
    tenantId: 'tenant-1',
    teamId: TEAM,
    botId: '28:bot',
    updatedAt: 0,
    ...over,
  };
}

/** One conversation known, a member API that answers from per-roster accounts and records what it was asked. */
function directoryFor(known: TeamsConversation, rosters: Record<string, Record<string, unknown>>) {
  const asked: string[] = [];
  const directory = createTeamsMemberDirectory({
    conversations: { get: async (id) => (id === known.id ? known : undefined) },
    connector: {
      async getMember(_serviceUrl, rosterId, userId) {
        asked.push(rosterId);
        const account = rosters[rosterId]?.[userId];
        if (account === undefined)
          throw new BotError('platform_rejected', { message: 'member not found', details: { status: 404 } });
        return account as Record<string, unknown>;
      },
    },
  });
  return { asked, roles: (userId: string) => directory.readMemberRoles(known.id, userId) };
}

describe('Teams member roles by channel type', () => {
  const ana = { id: '29:ana', tenantId: 'tenant-1', userRole: 'user' };

  it('asks the team for a standard channel, or one whose type Teams did not say', async () => {
    for (const channelType of ['standard', null] as const) {
      const { asked, roles } = directoryFor(conversation({ channelType }), { [TEAM]: { '29:ana': ana } });
      expect(await roles('29:ana')).toEqual({ member: true, guest: false, admin: null });
      expect(asked).toEqual([TEAM]);
    }
  });

  it('asks a private or shared channel itself: a team member outside it is no member', async () => {
    for (const channelType of ['private', 'shared'] as const) {
      const rosters = {
        [TEAM]: { '29:ana': ana, '29:tom': { ...ana, id: '29:tom' } },
        [CHANNEL]: { '29:ana': ana },
      };
      const { asked, roles } = directoryFor(conversation({ channelType }), rosters);
      expect(await roles('29:tom')).toEqual({ member: false, guest: false, admin: null });
      expect(await roles('29:ana')).toMatchObject({ member: true, guest: false });
      expect(asked).toEqual([CHANNEL, CHANNEL]);
    }
  });

  it('treats a member from another tenant as a guest', async () => {
    const eve = { id: '29:eve', tenantId: 'tenant-2', userRole: 'user' };
    const { roles } = directoryFor(conversation({ channelType: 'shared' }), { [CHANNEL]: { '29:eve': eve } });
    expect(await roles('29:eve')).toEqual({ member: true, guest: true, admin: null });
  });
});
