import type { ActionGrant } from '../../actions/action-grant.ts';
import type { ActingUser, ActionOutcome } from '../../actions/action-outcome.ts';
import { isBotError } from '../../errors.ts';
import type { Logger } from '../../log.ts';
import type { MattermostClient } from './create-mattermost-client.ts';
import { escapeBlock, escapeInline } from './escape-markdown.ts';

/** Mattermost usernames: letters, digits and `.-_` (a mention of anything else would not work). */
const USERNAME = /^[a-z0-9._-]{1,64}$/i;

export type ClickerNotice = (input: {
  grant: ActionGrant;
  user: ActingUser;
  outcome: ActionOutcome;
}) => Promise<void>;

/**
 * Tells the clicker how an action ended after the click was answered: an ephemeral post in the
 * card's thread. `POST /posts/ephemeral` needs `create_post_ephemeral`, which only system admins
 * have by default (reference §6.3); when it is refused, a failure is said in the card's thread with
 * an @mention instead. A success needs no words there: the card and its status note show it.
 */
export function createClickerNotice(options: { client: MattermostClient; log: Logger }): ClickerNotice {
  const { client, log } = options;
  return async ({ grant, user, outcome }) => {
    const post = { channel_id: grant.channel, root_id: grant.messageId };
    try {
      await client.createPostEphemeral(user.id, { ...post, message: escapeBlock(outcome.message) });
      return;
    } catch (error) {
      log.info(
        { err: isBotError(error) ? error.code : error, ok: outcome.ok },
        'no ephemeral post for the clicker; a failure goes to the thread',
      );
    }
    if (outcome.ok) return;
    const mention = USERNAME.test(user.name) ? `@${user.name} ` : '';
    await client.createPost({ ...post, message: `:warning: ${mention}${escapeInline(outcome.message)}` });
  };
}
