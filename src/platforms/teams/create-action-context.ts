import type { MemberDirectory } from '../../access/member-roles.ts';
import type { ActionContext, ActionNews } from '../../actions/action-context.ts';
import type { ActionGrant } from '../../actions/action-grant.ts';
import type { ActingUser } from '../../actions/action-outcome.ts';
import { cardButton } from '../../actions/card-buttons.ts';
import type { ActionSigner } from '../../actions/create-action-signer.ts';
import { exclusionNote, exclusionSentence } from '../../actions/exclusion-sentence.ts';
import type { TeamsClickerNotice } from './create-clicker-notice.ts';
import type { ConnectorClient } from './create-connector-client.ts';
import { cardActivity, cardConversationId } from './create-teams-card-sink.ts';
import { escapeInline } from './escape-teams-markdown.ts';
import { composeCard } from './render-alert-card.ts';
import { actionVerb } from './render-card-actions.ts';
import { renderCommentText, renderMuteText, renderUrgencyText } from './render-thread-text.ts';
import type { TeamsConversation } from './teams-conversation.ts';

/** What an action announces, as the channel reads it on Teams. */
function newsText(news: ActionNews): string {
  if (news.kind === 'rule-muted') return renderMuteText({ by: news.by, ruleId: news.ruleId });
  return exclusionSentence({ ...news, undone: news.kind === 'exclusion-undone' }, escapeInline);
}

/** The exclusion announcement as a card with its signed Undo button (Action.Execute, reference §4.2). */
function undoCard(text: string, data: Record<string, unknown>): Record<string, unknown> {
  const { id, label } = cardButton('undoExclusion');
  const undo = { type: 'Action.Execute', id, title: label, verb: actionVerb('undoExclusion'), data };
  const card = composeCard(text, [{ type: 'TextBlock', text, wrap: true }]);
  return cardActivity({ ...card, actions: [undo] });
}

/** A verified invoke as the platform-neutral context, with Teams' ways back (channel post, card thread). */
export function createActionContext(input: {
  connector: ConnectorClient;
  tell: TeamsClickerNotice;
  members: MemberDirectory;
  conversation: TeamsConversation;
  grant: ActionGrant;
  user: ActingUser;
  text: string;
  fields?: Readonly<Record<string, unknown>>;
  /** Signs the Undo button of an exclusion announcement (absent: announced without one). */
  signer?: ActionSigner;
}): ActionContext {
  const { connector, conversation, grant, user } = input;
  const markdown = (text: string) => ({ type: 'message', text, textFormat: 'markdown' });
  return {
    grant,
    user,
    readRoles: () => input.members.readMemberRoles(conversation.id, user.id),
    text: input.text,
    ...(input.fields === undefined ? {} : { fields: input.fields }),
    async announce(news) {
      const text = newsText(news);
      const signer = input.signer;
      const message =
        news.kind === 'exclusion-added' && signer !== undefined
          ? undoCard(text, { g: signer.sign(news.undo) })
          : markdown(text);
      if (conversation.kind === 'channel')
        await connector.createChannelPost(conversation.serviceUrl, {
          channelId: conversation.id,
          tenantId: conversation.tenantId,
          activity: message,
        });
      else await connector.send(conversation.serviceUrl, conversation.id, message);
    },
    async noteInThread(note) {
      await connector.send(
        conversation.serviceUrl,
        cardConversationId(conversation, grant.messageId),
        markdown(
          'kind' in note
            ? note.kind === 'urgency'
              ? renderUrgencyText(note)
              : exclusionNote(note, escapeInline)
            : renderCommentText(note),
        ),
      );
    },
    tellLater: (outcome) => input.tell({ conversation, grant, user, outcome }),
  };
}
