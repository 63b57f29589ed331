import type { IncomingMessage } from 'node:http';
import { BotError } from '../../errors.ts';
import { readLimited } from '../../http/read-limited.ts';

/**
 * Everything Mattermost can send must be read, so that a long command gets an answer, not a failure.
 * The web app sends at most 16,383 characters (its `MaxPostSize`), up to 9 bytes each once
 * form-encoded, plus mention lists; `POST /api/v4/commands/execute` takes any command within the
 * server's 300,000-byte request limit, up to 3 bytes per byte once form-encoded (reference §3.2).
 */
export const MAX_FORM_BYTES = 1024 * 1024;

/**
 * The fields of a slash command: form-encoded body for POST, query string for GET (reference §2.2).
 * Repeated keys (mention lists) are kept by URLSearchParams; the first value of each is what we read.
 */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  if (req.method === 'GET') return new URL(req.url ?? '/', 'http://localhost').searchParams;
  const type = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    throw new BotError('request_invalid', { message: 'expected a form-encoded body', retryable: false });
  }
  const body = await readLimited(req, MAX_FORM_BYTES);
  return new URLSearchParams(body.toString('utf8'));
}

/** The form as a plain object of first values, for zod. */
export function firstValues(form: URLSearchParams): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of form) if (!(key in fields)) fields[key] = value;
  return fields;
}
