import type { MemberDirectory } from '../../access/member-roles.ts';
import { BotError, isBotError } from '../../errors.ts';
import type { ConnectorClient } from './create-connector-client.ts';
import type { TeamsConversationStore } from './teams-conversation.ts';

/**
 * Roles through the Bot Connector's member API (reference teams.md §3.4), the way TeamsInfo.getMember
 * asks: the team for a channel, the chat otherwise. `userRole` is `user` for a member of the tenant;
 * a guest (`guest`) or anonymous user — or an answer without it — is treated as a guest. Who owns a
 * channel is not in the answer (it takes Microsoft Graph), so `admin` is unknown.
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
      const rosterId =
        conversation.kind === 'channel' ? (conversation.teamId ?? conversation.id) : conversation.id;
      try {
        const account = await options.connector.getMember(conversation.serviceUrl, rosterId, userId);
        return { member: true, guest: account.userRole !== 'user', admin: null };
      } catch (error) {
        const notFound = isBotError(error, 'platform_rejected') && error.details.status === 404;
        if (notFound) return { member: false, guest: false, admin: null };
        throw error;
      }
    },
  };
}
