import { z } from 'zod';
import { MAX_COMMENT_LENGTH } from './comment-action.ts';

/** The form's field names, the same on both platforms (dialog element names, Teams input ids). */
export const URGENCY_FIELD = 'urgency';
export const REASON_FIELD = 'reason';

export const URGENCY_MIN = 0;
export const URGENCY_MAX = 100;

export interface UrgencyInput {
  urgency: number;
  reason: string;
}

/** Which field is wrong and what to say about it, for the dialog or the clicker. */
export type UrgencyInputError = { field: typeof URGENCY_FIELD | typeof REASON_FIELD; message: string };

const URGENCY_RANGE = `The urgency is a whole number from ${URGENCY_MIN} to ${URGENCY_MAX}.`;
const REASON_LENGTH = `A reason takes 1 to ${MAX_COMMENT_LENGTH} characters.`;

// Platforms hand form values over as text ("85"); only plain digits count, never "8e1", "85.0" or "0x55".
const urgencySchema = z.preprocess(
  (value) => (typeof value === 'string' && /^\s*\d{1,3}\s*$/.test(value) ? Number(value) : value),
  z
    .number({ error: URGENCY_RANGE })
    .int(URGENCY_RANGE)
    .min(URGENCY_MIN, URGENCY_RANGE)
    .max(URGENCY_MAX, URGENCY_RANGE),
);

const reasonSchema = z
  .string({ error: REASON_LENGTH })
  .trim()
  .min(1, REASON_LENGTH)
  .max(MAX_COMMENT_LENGTH, REASON_LENGTH);

/** The new urgency and the reason from a form's fields, or the first field that is wrong. */
export function readUrgencyInput(
  fields: Readonly<Record<string, unknown>> | undefined,
): { ok: true; value: UrgencyInput } | { ok: false; error: UrgencyInputError } {
  const urgency = urgencySchema.safeParse(fields?.[URGENCY_FIELD]);
  if (!urgency.success) return { ok: false, error: { field: URGENCY_FIELD, message: URGENCY_RANGE } };
  const reason = reasonSchema.safeParse(fields?.[REASON_FIELD]);
  if (!reason.success) return { ok: false, error: { field: REASON_FIELD, message: REASON_LENGTH } };
  return { ok: true, value: { urgency: urgency.data, reason: reason.data } };
}
