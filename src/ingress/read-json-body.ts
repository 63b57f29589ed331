import type { IncomingMessage } from 'node:http';
import { BotError } from '../errors.ts';
import { exceedsJsonDepth } from './exceeds-json-depth.ts';

export const MAX_BODY_BYTES = 1024 * 1024;

/** True when the declared type is JSON, or when nothing is declared (reference §13: ignore headers). */
export function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined || header.trim() === '') return true;
  const type = header.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

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
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
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

/**
 * Collects the body without destroying the socket when it is too large (an async iterator would),
 * so that the 413 answer can still reach the sender.
 */
export function readLimited(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      cleanup();
      req.pause();
      reject(tooLarge(limit));
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(new BotError('webhook_invalid_json', { message: 'the body could not be read', cause: error }));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

function tooLarge(limit: number): BotError {
  return new BotError('webhook_payload_too_large', {
    message: `the body is larger than ${limit} bytes`,
    details: { limit },
  });
}
