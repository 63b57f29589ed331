import type { CardActionKey } from '../../actions/action-table.ts';
import { MAX_COMMENT_LENGTH } from '../../actions/comment-action.ts';
import { REASON_FIELD, URGENCY_FIELD, URGENCY_MAX, URGENCY_MIN } from '../../actions/read-urgency-input.ts';

export const COMMENT_CALLBACK_ID = 'sekoia_comment';
export const URGENCY_CALLBACK_ID = 'sekoia_urgency';

/** What a dialog shows, without its `state` (reference mattermost.md §5.1, §5.2: titles ≤ 24 characters). */
export interface DialogLook {
  callback_id: string;
  title: string;
  introduction_text: string;
  submit_label: string;
  elements: Record<string, unknown>[];
}

/** The buttons that ask for text first, each with its dialog; the submission names the action by `callback_id`. */
export const ACTION_DIALOGS: Readonly<Partial<Record<CardActionKey, DialogLook>>> = {
  comment: {
    callback_id: COMMENT_CALLBACK_ID,
    title: 'Comment on the alert',
    introduction_text: 'The comment is added to the alert in Sekoia.io, with your name.',
    submit_label: 'Comment',
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
  urgency: {
    callback_id: URGENCY_CALLBACK_ID,
    title: 'Change the urgency',
    introduction_text:
      'The new urgency is set on the alert in Sekoia.io, with your reason as a comment in your name.',
    submit_label: 'Change',
    elements: [
      {
        display_name: 'New urgency',
        name: URGENCY_FIELD,
        type: 'text',
        subtype: 'number',
        max_length: 3,
        help_text: `A whole number from ${URGENCY_MIN} to ${URGENCY_MAX}.`,
      },
      {
        display_name: 'Reason',
        name: REASON_FIELD,
        type: 'textarea',
        max_length: MAX_COMMENT_LENGTH,
        placeholder: 'Why does it change?',
      },
    ],
  },
};

/** The action a submission's `callback_id` stands for, if any. */
export function dialogAction(callbackId: string | undefined): CardActionKey | undefined {
  const found = Object.entries(ACTION_DIALOGS).find(([, look]) => look.callback_id === callbackId);
  return found?.[0] as CardActionKey | undefined;
}
