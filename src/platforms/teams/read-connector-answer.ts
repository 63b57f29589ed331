import { BotError } from '../../errors.ts';
import { parseRetryAfter } from '../../http/parse-retry-after.ts';

/**
 * The Bot Connector's answer, read defensively. A 2xx means done: its JSON object, or undefined for
 * no body (Teams gives none for a split message, reference teams.md §3.4, and may give none for any
 * send or update) or for a body that is not a JSON object. Anything else is a coded BotError.
 */
export async function readConnectorAnswer(response: Response): Promise<Record<string, unknown> | undefined> {
  const text = await response.text();
  if (!response.ok) throw connectorError(response, text);
  return readObject(text);
}

function readObject(text: string): Record<string, unknown> | undefined {
  if (text.trim() === '') return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined; // a 2xx with a page instead of JSON: done, without ids
  }
}

/** The non-empty string under `key` of an answer (`id`, `activityId`), if any. */
export function answerId(result: Record<string, unknown> | undefined, key: string): string | undefined {
  const value = result?.[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * 429, 412, 5xx heal with time (reference §6.1); 403 (bot removed), 404, 413 will not. A 4xx did
 * nothing (429 and 412 are answered before the work); a 5xx may come after it (§6.2).
 */
function connectorError(response: Response, text: string): BotError {
  const status = response.status;
  let code: string | undefined;
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown } };
    code = typeof body.error?.code === 'string' ? body.error.code.slice(0, 80) : undefined;
  } catch {
    code = undefined; // not JSON (a proxy page): the status says enough
  }
  const details = { status, platform: 'teams', ...(code ? { teamsErrorCode: code } : {}) };
  const nothingDone = status >= 400 && status < 500;
  if (status === 429 || status === 412 || status >= 500) {
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), Date.now());
    return new BotError('delivery_failed', {
      message: `the Bot Connector answered ${status}`,
      details,
      retryable: true,
      nothingDone,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  }
  return new BotError('platform_rejected', {
    message: `the Bot Connector refused the request (${status})`,
    details,
    retryable: false,
    nothingDone,
  });
}
