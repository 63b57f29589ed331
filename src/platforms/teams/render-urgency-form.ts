import { MAX_COMMENT_LENGTH } from '../../actions/comment-action.ts';
import { REASON_FIELD, URGENCY_FIELD, URGENCY_MAX, URGENCY_MIN } from '../../actions/read-urgency-input.ts';
import type { CardAction, ExecuteAction } from './adaptive-card.ts';

/**
 * Change urgency opens a form under the card: the new urgency and a reason, sent by Change as
 * `data.urgency` and `data.reason` (Action.Execute gathers the inputs of its card, reference §4.2).
 * Teams checks the bounds before sending; the bot checks them again (read-urgency-input.ts).
 */
export function renderUrgencyForm(
  button: { id: string; title: string },
  send: Omit<ExecuteAction, 'type' | 'id' | 'title'>,
): CardAction {
  const change: ExecuteAction = { type: 'Action.Execute', id: 'sendUrgency', title: 'Change', ...send };
  const range = `A whole number from ${URGENCY_MIN} to ${URGENCY_MAX}.`;
  return {
    type: 'Action.ShowCard',
    ...button,
    card: {
      type: 'AdaptiveCard',
      body: [
        {
          type: 'Input.Number',
          id: URGENCY_FIELD,
          label: 'New urgency',
          placeholder: range,
          min: URGENCY_MIN,
          max: URGENCY_MAX,
          isRequired: true,
          errorMessage: range,
        },
        {
          type: 'Input.Text',
          id: REASON_FIELD,
          label: 'Reason',
          placeholder: 'Added to the alert in Sekoia.io as a comment, with your name',
          isMultiline: true,
          maxLength: MAX_COMMENT_LENGTH,
          isRequired: true,
          errorMessage: 'Say why first.',
        },
      ],
      actions: [change],
    },
  };
}
