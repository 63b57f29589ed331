import type { Keyv } from 'keyv';
import { z } from 'zod';
import type { Logger } from '../log.ts';

/** Where a summary card (roll-up, held alerts, digest, catch-up) was posted: see show-rollup-once.ts. */
export const summaryMessageSchema = z.strictObject({
  messageId: z.string().min(1).nullable(),
  since: z.number(),
});

/**
 * Reads records of one keyv namespace, each parsed with its schema: a record that does not parse is
 * logged (`corrupt <what> record ignored`, the key cut to 200 characters) and read as missing.
 */
export function createKeyvRecordReader(keyv: Keyv, log: Logger, what: string) {
  return async <T>(key: string, schema: z.ZodType<T>): Promise<T | undefined> => {
    const value = await keyv.get<unknown>(key);
    if (value === undefined) return undefined;
    const parsed = schema.safeParse(value);
    if (!parsed.success) log.warn({ key: key.slice(0, 200) }, `corrupt ${what} record ignored`);
    return parsed.success ? parsed.data : undefined;
  };
}
