import { MAX_TYPE_LENGTH, typeFitsLength } from './read-sekoia-event.ts';

/**
 * The WebHook envelope (spec §4) checked by hand: what is wrong with a parsed body, nothing when it
 * is a JSON object with a string `type` of 1 to MAX_TYPE_LENGTH characters. It runs in the queue's
 * thread, which would otherwise load zod for this alone (about 12 MB of memory per thread); each
 * problem is worded exactly as zod words it for sekoia-event-schema.ts, the reference it is tested
 * against (test/ingress/envelope-problems.test.ts). Only JSON values come here: no NaN, no class.
 */
export function envelopeProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [`(body): Invalid input: expected object, received ${jsonTypeOf(value)}`];
  }
  const type = (value as { type?: unknown }).type;
  if (typeof type !== 'string') return [`type: Invalid input: expected string, received ${jsonTypeOf(type)}`];
  if (type.length < 1) return ['type: Too small: expected string to have >=1 characters'];
  if (!typeFitsLength(type)) {
    return [`type: Too big: expected string to have <=${MAX_TYPE_LENGTH} characters`];
  }
  return [];
}

/** zod's name for the type of a JSON value (`undefined` for a missing field). */
function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}
