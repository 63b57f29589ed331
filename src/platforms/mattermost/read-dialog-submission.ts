import type { CardActionKey } from '../../actions/action-table.ts';
import { MAX_COMMENT_LENGTH } from '../../actions/comment-action.ts';
import { readUrgencyInput } from '../../actions/read-urgency-input.ts';

/** What a dialog's fields give the action, or the errors the dialog shows under them (nothing is run). */
export type DialogSubmission =
  | { ok: true; text?: string; fields?: Readonly<Record<string, unknown>> }
  | { ok: false; errors: Record<string, string> };

/** Checks a submission before anything runs: the dialog keeps the user's input and says what is wrong. */
export function readDialogSubmission(
  action: CardActionKey,
  submission: Readonly<Record<string, unknown>> | null | undefined,
): DialogSubmission {
  if (action === 'urgency') {
    const input = readUrgencyInput(submission ?? undefined);
    return input.ok
      ? { ok: true, fields: { ...submission } }
      : { ok: false, errors: { [input.error.field]: input.error.message } };
  }
  const text = submission?.comment;
  if (typeof text !== 'string' || text.trim() === '' || text.length > MAX_COMMENT_LENGTH) {
    return { ok: false, errors: { comment: `Write 1 to ${MAX_COMMENT_LENGTH} characters.` } };
  }
  return { ok: true, text };
}
