import { isBotError } from '../../errors.ts';
import type { Logger } from '../../log.ts';
import type { DialogLook } from './action-dialogs.ts';
import type { MattermostClient } from './create-mattermost-client.ts';

/**
 * The dialog's `state`, echoed back on submit (which names no post): the button's signed payload
 * and the post it was clicked on, checked again at submission.
 */
export interface CommentDialogState {
  g: unknown;
  p: string;
}

/** Opens a button's dialog (Comment, Change urgency) for the clicker (the trigger id names them — reference §5.1). */
export async function openActionDialog(input: {
  client: MattermostClient;
  url: string;
  triggerId: string | undefined;
  context: unknown;
  postId: string;
  look: DialogLook;
  log: Logger;
}): Promise<boolean> {
  if (input.triggerId === undefined || input.triggerId === '') return false;
  try {
    await input.client.openDialog({
      trigger_id: input.triggerId,
      url: input.url,
      dialog: {
        ...input.look,
        notify_on_cancel: false,
        state: JSON.stringify({ g: input.context, p: input.postId } satisfies CommentDialogState),
      },
    });
    return true;
  } catch (error) {
    input.log.warn({ err: isBotError(error) ? error.code : error }, 'could not open the dialog');
    return false;
  }
}
