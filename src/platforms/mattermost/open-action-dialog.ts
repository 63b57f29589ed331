import { MAX_COMMENT_LENGTH } from '../../actions/comment-action.ts';
import { isBotError } from '../../errors.ts';
import type { Logger } from '../../log.ts';
import type { MattermostClient } from './create-mattermost-client.ts';

export const COMMENT_CALLBACK_ID = 'sekoia_comment';

/**
 * The dialog's `state`, echoed back on submit (which names no post): the button's signed payload
 * and the post it was clicked on, checked again at submission.
 */
export interface CommentDialogState {
  g: unknown;
  p: string;
}

/** Opens the Comment dialog for the clicker (the trigger id names them — reference §5.1). */
export async function openCommentDialog(input: {
  client: MattermostClient;
  url: string;
  triggerId: string | undefined;
  context: unknown;
  postId: string;
  log: Logger;
}): Promise<boolean> {
  if (input.triggerId === undefined || input.triggerId === '') return false;
  try {
    await input.client.openDialog({
      trigger_id: input.triggerId,
      url: input.url,
      dialog: {
        callback_id: COMMENT_CALLBACK_ID,
        title: 'Comment on the alert',
        introduction_text: 'The comment is added to the alert in Sekoia.io, with your name.',
        submit_label: 'Comment',
        notify_on_cancel: false,
        state: JSON.stringify({ g: input.context, p: input.postId } satisfies CommentDialogState),
        elements: [
          {
            display_name: 'Comment',
            name: 'comment',
            type: 'textarea',
            max_length: MAX_COMMENT_LENGTH,
            placeholder: 'What did you find?',
          },
        ],
      },
    });
    return true;
  } catch (error) {
    input.log.warn({ err: isBotError(error) ? error.code : error }, 'could not open the comment dialog');
    return false;
  }
}
