import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/log.ts';
import { createTeamsConversationStore } from '../../../src/platforms/teams/create-teams-conversation-store.ts';
import { readTeamsConversation } from '../../../src/platforms/teams/read-teams-conversation.ts';

const TEAM = '19:team-sec@thread.tacv2';
const CHANNEL = '19:soc-vip@thread.tacv2';

describe('the channel type of a Teams conversation', () => {
  const activity = (channel: Record<string, unknown>) => ({
    serviceUrl: 'http://127.0.0.1:4010/',
    recipient: { id: '28:bot', name: 'Sekoia' },
    conversation: {
      id: `${CHANNEL};messageid=1`,
      name: 'soc-vip',
      conversationType: 'channel',
      isGroup: true,
      tenantId: 'tenant-1',
    },
    channelData: { channel: { id: CHANNEL, ...channel }, team: { id: TEAM }, tenant: { id: 'tenant-1' } },
  });

  it('reads channelData.channel.type, or Graph’s membershipType, and nothing else', () => {
    expect(readTeamsConversation(activity({ type: 'private' }), 0)?.channelType).toBe('private');
    expect(readTeamsConversation(activity({ membershipType: 'Shared' }), 0)?.channelType).toBe('shared');
    expect(readTeamsConversation(activity({ type: 'secret' }), 0)?.channelType).toBeNull();
    expect(readTeamsConversation(activity({}), 0)?.id).toBe(CHANNEL);
  });

  it('keeps the host tenant of conversation.tenantId, whoever speaks', () => {
    const external = { ...activity({ type: 'shared' }), channelData: { tenant: { id: 'tenant-2' } } };
    expect(readTeamsConversation(external, 0)?.tenantId).toBe('tenant-1');
    const { tenantId: _none, ...conversation } = external.conversation;
    expect(readTeamsConversation({ ...external, conversation }, 0)?.tenantId).toBe('tenant-2');
  });

  it('reads a reference stored before channel types as one whose type is unknown', async () => {
    const old = {
      id: CHANNEL,
      kind: 'channel',
      serviceUrl: 'http://127.0.0.1:4010/',
      tenantId: 'tenant-1',
      teamId: TEAM,
      botId: '28:bot',
      updatedAt: 0,
    };
    const store = createTeamsConversationStore({
      records: { get: async () => old, set: async () => undefined },
      log: createLogger({ level: 'silent' }),
    });
    expect((await store.get(CHANNEL))?.channelType).toBeNull();
  });
});
