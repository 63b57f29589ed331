import type { Clock } from '../clock.ts';
import type { BotError } from '../errors.ts';
import { parseRetryAfter } from '../http/parse-retry-after.ts';
import { logSafe } from '../log.ts';
import { buildSekoiaUrl, type SekoiaQuery } from './build-sekoia-url.ts';
import type { SekoiaPriority } from './create-sekoia-pacer.ts';
import {
  errorFromNetwork,
  errorFromStatus,
  invalidResponse,
  type RequestDescription,
} from './map-sekoia-error.ts';

export interface SekoiaRequest {
  method: 'GET' | 'POST' | 'PATCH';
  /** API path with encoded segments, e.g. `/v1/sic/alerts/ALq8Rt2vXk3m`. */
  path: string;
  query?: SekoiaQuery;
  body?: unknown;
  /** Default `background`; card buttons send `interactive` requests, served first. */
  priority?: SekoiaPriority | undefined;
  /** A linked user's own key instead of the bot's (identity/); never logged, redacted from errors. */
  apiKey?: string | undefined;
}

export interface AttemptSettings {
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
  fetch: typeof fetch;
  clock: Clock;
}

export type AttemptOutcome = { ok: true; status: number; body: unknown } | { ok: false; error: BotError };

// Retry-After is only meaningful on these two (RFC 9110 §10.2.3); elsewhere it is ignored.
const RETRY_AFTER_STATUSES = new Set([429, 503]);

function buildInit(request: SekoiaRequest, settings: AttemptSettings): RequestInit {
  const headers: Record<string, string> = {
    authorization: `Bearer ${request.apiKey || settings.apiKey}`,
    accept: 'application/json',
    'user-agent': 'sekoia-chatops',
  };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  return {
    method: request.method,
    headers,
    ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
    // Following a redirect could carry the key to another host; a 3xx is reported instead.
    redirect: 'manual',
    signal: AbortSignal.timeout(settings.timeoutMs),
  };
}

function parseJsonBody(response: Response, bodyText: string, request: RequestDescription): AttemptOutcome {
  if (bodyText.trim() === '') return { ok: true, status: response.status, body: undefined };
  try {
    return { ok: true, status: response.status, body: JSON.parse(bodyText) };
  } catch {
    // Typically an HTML page: the base URL points at the web app instead of the API (reference §1).
    const contentType = logSafe(response.headers.get('content-type') ?? '', 80);
    return {
      ok: false,
      error: invalidResponse(request, { status: response.status, reason: 'not_json', contentType }),
    };
  }
}

/** One HTTP exchange, with its own timeout; never throws, the caller decides whether to retry. */
export async function attemptSekoiaRequest(
  request: SekoiaRequest,
  settings: AttemptSettings,
  description: RequestDescription,
): Promise<AttemptOutcome> {
  const url = buildSekoiaUrl(settings.baseUrl, request.path, request.query);
  let response: Response;
  let bodyText: string;
  try {
    response = await settings.fetch(url, buildInit(request, settings));
    bodyText = await response.text();
  } catch (cause) {
    return { ok: false, error: errorFromNetwork(cause, description, settings.timeoutMs) };
  }
  if (response.status >= 200 && response.status < 300) return parseJsonBody(response, bodyText, description);
  const retryAfterMs = RETRY_AFTER_STATUSES.has(response.status)
    ? parseRetryAfter(response.headers.get('retry-after'), settings.clock.now())
    : undefined;
  return {
    ok: false,
    error: errorFromStatus({ status: response.status, bodyText, retryAfterMs }, description),
  };
}
