import type { IncomingMessage } from 'node:http';
import { parseJsonText } from './parse-json-text.ts';
import { bodyTooLarge, readLimited } from './read-limited.ts';

export const MAX_BODY_BYTES = 1024 * 1024;

/** Reads the body up to `limit` bytes and parses it as JSON; coded errors otherwise. */
export async function readJsonBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<unknown> {
  return parseJsonText((await readBodyBytes(req, limit)).toString('utf8'));
}

/** The body's bytes up to `limit`, refused from its declared length before reading when larger. */
export function readBodyBytes(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(bodyTooLarge(limit));
  return readLimited(req, limit);
}
