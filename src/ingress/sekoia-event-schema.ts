import { z } from 'zod';
import { MAX_TYPE_LENGTH, readSekoiaEvent } from './read-sekoia-event.ts';

/**
 * The WebHook envelope (spec §4): any JSON object with a string `type` is a notification to store.
 * Nothing else is required, since `attributes`, `metadata` and the rest vary between kinds of
 * notification and several are undocumented (reference §3.2, §10); the result is the lenient
 * reading of read-sekoia-event.ts, which leaves out what it cannot read. The WebHook route checks
 * the same rule by hand (envelope-problems.ts, tested against this schema, problem for problem).
 */
export const sekoiaEventSchema = z
  .looseObject({ type: z.string().min(1).max(MAX_TYPE_LENGTH) })
  .transform((envelope) => readSekoiaEvent(envelope));
