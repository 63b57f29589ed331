import { type ConnectorContext, channelOf, type StoredTeam } from './connector-context.ts';
import type { FakeTeamsChat, FakeTeamsUser } from './connector-model.ts';

/** Where an activity to the bot happens. */
export type InboundConversation =
  | { type: 'channel'; team: StoredTeam; channelId: string }
  | { type: 'groupChat' | 'personal'; chat: FakeTeamsChat };

export interface InboundEnvelope {
  type: string;
  id: string;
  /** `conversation.id`: a thread id in channels (`<channel>;messageid=<root>`), the chat id in chats. */
  conversationId: string;
  from: FakeTeamsUser;
  where: InboundConversation;
}

function conversationAccount(context: ConnectorContext, where: InboundConversation, id: string) {
  const tenantId = context.tenantId;
  if (where.type === 'personal') return { id, conversationType: 'personal', tenantId };
  return { id, conversationType: where.type, isGroup: true, tenantId };
}

function channelData(context: ConnectorContext, where: InboundConversation): Record<string, unknown> {
  const tenant = { id: context.tenantId };
  if (where.type !== 'channel') return { tenant };
  const { channelId, team } = where;
  // `team` is the host team, also in a shared channel reached from another team (same page as the model).
  const type = channelOf(context, channelId)?.channel.membershipType ?? 'standard';
  return {
    teamsChannelId: channelId,
    teamsTeamId: team.id,
    channel: type === 'standard' ? { id: channelId } : { id: channelId, type },
    team: { id: team.id },
    tenant,
  };
}

/** The fields every activity from Teams carries (reference teams.md §2.1, §4.5). */
export function buildInboundActivity(
  context: ConnectorContext,
  envelope: InboundEnvelope,
): Record<string, unknown> {
  const { from, where } = envelope;
  return {
    type: envelope.type,
    id: envelope.id,
    timestamp: new Date(context.clock.now()).toISOString(),
    channelId: 'msteams',
    serviceUrl: context.serviceUrl,
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    recipient: { id: context.botId, name: context.botName },
    conversation: conversationAccount(context, where, envelope.conversationId),
    channelData: channelData(context, where),
    locale: 'en-US',
  };
}
