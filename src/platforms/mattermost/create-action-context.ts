import type { GroupDirectory } from '../../access/group-directory.ts';
import type { MemberDirectory } from '../../access/member-roles.ts';
import type { ActionContext, ActionNews } from '../../actions/action-context.ts';
import type { ActionGrant } from '../../actions/action-grant.ts';
import type { ActingUser } from '../../actions/action-outcome.ts';
import type { ClickerNotice } from './create-clicker-notice.ts';
import type { MattermostClient } from './create-mattermost-client.ts';
import { renderAnnouncement } from './render-reply.ts';
import { renderCommentNote, renderUrgencyNote } from './render-thread-reply.ts';

/** What an action announces, as the channel reads it on Mattermost. */
function newsText(news: ActionNews): string {
  return `@${news.by} muted rule ${news.ruleId} for 1 hour from an alert card`;
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
      await client.createPost({ channel_id: grant.channel, message });
    },
    async noteInThread(note) {
      await client.createPost({
        channel_id: grant.channel,
        root_id: grant.messageId,
        message: 'kind' in note ? renderUrgencyNote(note) : renderCommentNote(note),
      });
    },
    tellLater: (outcome) => tell({ grant, user, outcome }),
  };
}
