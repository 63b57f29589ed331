import type { MemberDirectory } from '../../access/member-roles.ts';
import type { ActionContext, ActionNews } from '../../actions/action-context.ts';
import type { ActionGrant } from '../../actions/action-grant.ts';
import type { ActingUser } from '../../actions/action-outcome.ts';
import type { TeamsClickerNotice } from './create-clicker-notice.ts';
import type { ConnectorClient } from './create-connector-client.ts';
import { cardConversationId } from './create-teams-card-sink.ts';
import { renderCommentText, renderMuteText, renderUrgencyText } from './render-thread-text.ts';
import type { TeamsConversation } from './teams-conversation.ts';

/** What an action announces, as the channel reads it on Teams. */
function newsText(news: ActionNews): string {
  return renderMuteText({ by: news.by, ruleId: news.ruleId });
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
      const message = markdown(newsText(news));
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
        markdown('kind' in note ? renderUrgencyText(note) : renderCommentText(note)),
      );
    },
    tellLater: (outcome) => input.tell({ conversation, grant, user, outcome }),
  };
}
