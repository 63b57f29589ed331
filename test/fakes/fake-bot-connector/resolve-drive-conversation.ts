import type { InboundConversation } from './build-inbound-activity.ts';
import { type ConnectorContext, mustFindChat, mustFindTeam } from './connector-context.ts';
import type { FakeTeamsMessage } from './connector-model.ts';

/** Where a test says a user acts. */
export type DriveConversation =
  | { kind: 'channel'; teamId: string; channelId: string }
  | { kind: 'groupChat'; id: string }
  | { kind: 'personal'; id: string };

/**
 * Checks the user can act there; in a team's standard channel they join the roster, as only members
 * can post; in a private or shared channel they must be on its roster already.
 * Set-up mistakes throw: they are the test's, not the bot's.
 */
export function resolveDriveConversation(
  context: ConnectorContext,
  conversation: DriveConversation,
  userId: string,
): InboundConversation {
  if (conversation.kind === 'channel') {
    const team = mustFindTeam(context, conversation.teamId);
    const { channelId } = conversation;
    const channel = team.channels.find((each) => each.id === channelId);
    if (channel === undefined) {
      throw new Error(`fake Bot Connector team ${team.id} has no channel ${channelId}`);
    }
    // Only a private or shared channel's members see it: the test adds them first.
    if (channel.membershipType !== 'standard') {
      if (!channel.members.includes(userId))
        throw new Error(
          `fake Bot Connector user ${userId} is not in the ${channel.membershipType} channel ${channelId}`,
        );
      return { type: 'channel', team, channelId };
    }
    team.members.add(userId);
    return { type: 'channel', team, channelId };
  }
  const chat = mustFindChat(context, conversation.id);
  if (chat.type !== conversation.kind || !chat.members.includes(userId)) {
    throw new Error(`fake Bot Connector user ${userId} is not in the ${conversation.kind} chat ${chat.id}`);
  }
  return { type: chat.type, chat };
}

/** Where a stored bot message lives, for activities about it (card clicks). */
export function conversationOfMessage(
  context: ConnectorContext,
  message: FakeTeamsMessage,
): InboundConversation {
  if (message.teamId === undefined) {
    const chat = mustFindChat(context, message.channelId);
    return { type: chat.type, chat };
  }
  return { type: 'channel', team: mustFindTeam(context, message.teamId), channelId: message.channelId };
}
