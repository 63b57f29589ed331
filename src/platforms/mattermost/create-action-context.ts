import type { GroupDirectory } from '../../access/group-directory.ts';
import type { MemberDirectory } from '../../access/member-roles.ts';
import type { ActionContext, ActionNews } from '../../actions/action-context.ts';
import type { ActionGrant } from '../../actions/action-grant.ts';
import type { ActingUser } from '../../actions/action-outcome.ts';
import { cardButton } from '../../actions/card-buttons.ts';
import type { ActionSigner } from '../../actions/create-action-signer.ts';
import { exclusionNote, exclusionSentence } from '../../actions/exclusion-sentence.ts';
import type { ClickerNotice } from './create-clicker-notice.ts';
import type { MattermostClient } from './create-mattermost-client.ts';
import { escapeInline } from './escape-markdown.ts';
import { renderAnnouncement } from './render-reply.ts';
import { renderCommentNote, renderUrgencyNote } from './render-thread-reply.ts';

/** What an action announces, as the channel reads it on Mattermost. */
function newsText(news: ActionNews): string {
  if (news.kind === 'rule-muted')
    return `@${news.by} muted rule ${news.ruleId} for 1 hour from an alert card`;
  return exclusionSentence({ ...news, undone: news.kind === 'exclusion-undone' }, escapeInline);
}

/** Signs the Undo button of an exclusion announcement (absent: announced without one). */
export interface UndoButtons {
  signer: ActionSigner;
  actionUrl: string;
}

/** A verified click (or Comment dialog) as the platform-neutral context, with Mattermost's ways back. */
export function createActionContext(input: {
  client: MattermostClient;
  tell: ClickerNotice;
  members: MemberDirectory;
  groups: GroupDirectory;
  grant: ActionGrant;
  user: ActingUser;
  text?: string | undefined;
  fields?: Readonly<Record<string, unknown>> | undefined;
  undo?: UndoButtons | undefined;
}): ActionContext {
  const { client, tell, grant, user } = input;
  return {
    grant,
    user,
    readRoles: () => input.members.readMemberRoles(grant.channel, user.id),
    readGroups: () => input.groups.readUserGroups(user.id),
    ...(input.text === undefined ? {} : { text: input.text }),
    ...(input.fields === undefined ? {} : { fields: input.fields }),
    async announce(news) {
      const message = renderAnnouncement({ kind: 'info', text: newsText(news) });
      if (news.kind !== 'exclusion-added' || input.undo === undefined)
        return void (await client.createPost({ channel_id: grant.channel, message }));
      const { id, label, style } = cardButton('undoExclusion');
      const context = input.undo.signer.sign(news.undo);
      const actions = [
        { id, name: label, style, type: 'button', integration: { url: input.undo.actionUrl, context } },
      ];
      await client.createPost({
        channel_id: grant.channel,
        message,
        props: { attachments: [{ fallback: message, text: '', actions }] },
      });
    },
    async noteInThread(note) {
      const message =
        'kind' in note
          ? note.kind === 'urgency'
            ? renderUrgencyNote(note)
            : exclusionNote(note, escapeInline)
          : renderCommentNote(note);
      await client.createPost({ channel_id: grant.channel, root_id: grant.messageId, message });
    },
    tellLater: (outcome) => tell({ grant, user, outcome }),
  };
}
