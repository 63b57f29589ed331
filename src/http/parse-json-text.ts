import { BotError } from '../errors.ts';
import { exceedsJsonDepth } from './exceeds-json-depth.ts';

/**
 * Deepest nesting of objects and arrays stored or read. Sekoia.io notifications nest a few levels
 * (reference §3.2); far deeper JSON cannot be re-serialised without overflowing the stack.
 */
export const MAX_JSON_DEPTH = 64;

/** Parses a body's text as JSON; coded errors (answered 400) for JSON too deep or invalid. */
export function parseJsonText(text: string): unknown {
  if (exceedsJsonDepth(text, MAX_JSON_DEPTH)) {
    throw new BotError('webhook_unstorable', {
      message: `the body nests objects and arrays deeper than ${MAX_JSON_DEPTH} levels`,
      details: { maxDepth: MAX_JSON_DEPTH },
    });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new BotError('webhook_invalid_json', { message: 'the body is not valid JSON', cause });
  }
}
