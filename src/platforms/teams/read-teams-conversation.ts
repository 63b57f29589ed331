import type { Activity } from 'botbuilder';
import type { ChannelRef } from '../../rules/rule.ts';
import type { TeamsChannelType, TeamsConversation } from './teams-conversation.ts';

interface ChannelData {
  channel?: { id?: unknown; type?: unknown; membershipType?: unknown };
  team?: { id?: unknown };
  tenant?: { id?: unknown };
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

const CHANNEL_TYPES: readonly string[] = ['standard', 'private', 'shared'] satisfies TeamsChannelType[];

/** `channel.type` in bot activities (botframework-schema ChannelInfo); `membershipType` is Graph's name. */
function channelTypeOf(data: ChannelData): TeamsChannelType | null {
  const type = text(data.channel?.type) ?? text(data.channel?.membershipType);
  const lower = type?.toLowerCase();
  return lower !== undefined && CHANNEL_TYPES.includes(lower) ? (lower as TeamsChannelType) : null;
}

/**
 * Where an activity comes from: the root channel for a channel message (a channel message's
 * conversation id names its thread), the chat for a group or personal chat; undefined when the
 * activity does not say enough.
 */
export function readTeamsConversation(
  activity: Partial<Activity>,
  now: number,
): TeamsConversation | undefined {
  const data = (activity.channelData ?? {}) as ChannelData;
  const type = activity.conversation?.conversationType;
  // The host tenant: `conversation.tenantId` is the field Microsoft names for it in a shared channel,
  // whose members may come from other tenants (build-apps-for-shared-private-channels, "Bots" tab).
  const tenantId = text(activity.conversation?.tenantId) ?? text(data.tenant?.id) ?? '';
  const teamId = text(data.team?.id) ?? null;
  const serviceUrl = text(activity.serviceUrl);
  const botId = text(activity.recipient?.id);
  const conversationId = text(activity.conversation?.id);
  if (serviceUrl === undefined || botId === undefined || conversationId === undefined) return undefined;
  if (type === 'channel') {
    // A team install comes from the team itself, whose id is its General channel's; the bot added
    // to a private or shared channel (`channelMemberAdded`) comes from that channel, named in channelData.
    const id = text(data.channel?.id) ?? conversationId.split(';')[0] ?? conversationId;
    const channelType = channelTypeOf(data);
    return { id, kind: 'channel', channelType, serviceUrl, tenantId, teamId, botId, updatedAt: now };
  }
  const kind = type === 'groupChat' ? 'groupChat' : 'personal';
  return { id: conversationId, kind, channelType: null, serviceUrl, tenantId, teamId, botId, updatedAt: now };
}

/** The rules' channel reference of a Teams conversation (tenant as the "team"). */
export function teamsChannelRef(conversation: TeamsConversation): ChannelRef {
  return { platform: 'teams', team: conversation.tenantId, channel: conversation.id };
}

/** `<at>Sekoia</at> subscribe …` as Teams may encode it: mention gone, entities decoded, spaces collapsed. */
export function readCommandText(stripped: string): string {
  return stripped
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
