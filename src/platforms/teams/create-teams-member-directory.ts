import type { MemberDirectory } from '../../access/member-roles.ts';
import { BotError, isBotError } from '../../errors.ts';
import type { ConnectorClient } from './create-connector-client.ts';
import type { TeamsConversation, TeamsConversationStore } from './teams-conversation.ts';

/**
 * The roster that says who is in a conversation. A standard channel's is its team's (TeamsInfo.getMember
 * asks the team). A private or shared channel has its own roster (a subset of the team, or people from
 * other teams and tenants): asking the team would admit team members outside the channel and miss
 * members who are not on the team, so the channel's own conversation is asked (build-apps-for-shared-
 * private-channels: "don't assume team membership is equal to channel membership").
 */
export function rosterOf(conversation: TeamsConversation): string {
  if (conversation.kind !== 'channel') return conversation.id;
  const ownRoster = conversation.channelType === 'private' || conversation.channelType === 'shared';
  return ownRoster ? conversation.id : (conversation.teamId ?? conversation.id);
}

/** A member whose account belongs to another tenant than the conversation's host (a shared channel's external member). */
function isExternal(conversation: TeamsConversation, account: Record<string, unknown>): boolean {
  const tenantId = account.tenantId;
  return typeof tenantId === 'string' && conversation.tenantId !== '' && tenantId !== conversation.tenantId;
}

/**
 * Roles through the Bot Connector's member API (reference teams.md §3.4), asking the roster above.
 * `userRole` is `user` for a member of the tenant; a guest (`guest`) or anonymous user — or an answer
 * without it — is treated as a guest, and so is a member from another tenant. Who owns a channel is
 * not in the answer (it takes Microsoft Graph), so `admin` is unknown.
 */
export function createTeamsMemberDirectory(options: {
  connector: Pick<ConnectorClient, 'getMember'>;
  conversations: Pick<TeamsConversationStore, 'get'>;
}): MemberDirectory {
  return {
    async readMemberRoles(channel, userId) {
      const conversation = await options.conversations.get(channel);
      if (conversation === undefined)
        throw new BotError('access_lookup_failed', { message: 'unknown Teams conversation' });
      try {
        const { serviceUrl } = conversation;
        const account = await options.connector.getMember(serviceUrl, rosterOf(conversation), userId);
        const guest = account.userRole !== 'user' || isExternal(conversation, account);
        return { member: true, guest, admin: null };
      } catch (error) {
        const notFound = isBotError(error, 'platform_rejected') && error.details.status === 404;
        if (notFound) return { member: false, guest: false, admin: null };
        throw error;
      }
    },
  };
}
