import type { ActionGrant } from '../../actions/action-grant.ts';
import type { ActingUser, ActionOutcome } from '../../actions/action-outcome.ts';
import type { ConnectorClient } from './create-connector-client.ts';
import { cardConversationId } from './create-teams-card-sink.ts';
import { escapeInline } from './escape-teams-markdown.ts';
import type { TeamsConversation } from './teams-conversation.ts';

export type TeamsClickerNotice = (input: {
  conversation: TeamsConversation;
  grant: ActionGrant;
  user: ActingUser;
  outcome: ActionOutcome;
}) => Promise<void>;

/**
 * Tells the clicker how an action ended after the invoke was answered. Teams has no message only
 * one user sees in a channel, so a failure is said in the card's thread with an @mention of the
 * clicker (a notification for them, a visible "nothing changed" for the others). A success needs no
 * words: the card is updated for everyone and its thread notes who changed the status.
 */
export function createTeamsClickerNotice(connector: ConnectorClient): TeamsClickerNotice {
  return async ({ conversation, grant, user, outcome }) => {
    if (outcome.ok) return;
    // The mention's text must match `<at>name</at>` in the message: no markup inside the tag.
    const name = user.name.replace(/[<>&]/g, '').slice(0, 64) || 'you';
    const tag = `<at>${name}</at>`;
    await connector.send(conversation.serviceUrl, cardConversationId(conversation, grant.messageId), {
      type: 'message',
      text: `⚠️ ${tag} ${escapeInline(outcome.message)}`,
      textFormat: 'markdown',
      entities: [{ type: 'mention', text: tag, mentioned: { id: user.id, name } }],
    });
  };
}
