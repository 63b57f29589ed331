import type { IncomingMessage } from 'node:http';
import { BotError } from '../errors.ts';
import { exceedsJsonDepth } from './exceeds-json-depth.ts';
import { bodyTooLarge, readLimited } from './read-limited.ts';

export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Deepest nesting of objects and arrays stored or read. Sekoia.io notifications nest a few levels
 * (reference §3.2); far deeper JSON cannot be re-serialised without overflowing the stack.
 */
export const MAX_JSON_DEPTH = 64;

/** Reads the body up to `limit` bytes and parses it as JSON; coded errors otherwise. */
export async function readJsonBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<unknown> {
  return (await readJsonText(req, limit)).value;
}

/** The body as received (to store it as is) and parsed. */
export async function readJsonText(
  req: IncomingMessage,
  limit = MAX_BODY_BYTES,
): Promise<{ text: string; value: unknown }> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw bodyTooLarge(limit);
  const text = (await readLimited(req, limit)).toString('utf8');
  if (exceedsJsonDepth(text, MAX_JSON_DEPTH)) {
    throw new BotError('webhook_unstorable', {
      message: `the body nests objects and arrays deeper than ${MAX_JSON_DEPTH} levels`,
      details: { maxDepth: MAX_JSON_DEPTH },
    });
  }
  try {
    return { text, value: JSON.parse(text) as unknown };
  } catch (cause) {
    throw new BotError('webhook_invalid_json', { message: 'the body is not valid JSON', cause });
  }
}
