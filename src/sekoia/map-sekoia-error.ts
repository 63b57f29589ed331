import { BotError, type BotErrorCode } from '../errors.ts';
import { logSafe } from '../log.ts';

/** What an error is allowed to say about the request: never the URL's host part or a header. */
export interface RequestDescription {
  method: string;
  path: string;
  /** Removes the API key from remote text, in case the remote ever echoes it. */
  redact: (text: string) => string;
}

export interface HttpFailure {
  status: number;
  bodyText: string;
  retryAfterMs: number | undefined;
}

const REMOTE_TEXT_MAX = 300;

function codeForStatus(status: number): BotErrorCode {
  if (status === 401) return 'sekoia_unauthorized';
  if (status === 403) return 'sekoia_forbidden';
  if (status === 404) return 'sekoia_not_found';
  if (status === 429) return 'sekoia_rate_limited';
  if (status >= 500) return 'sekoia_unavailable';
  // A redirect would send the key elsewhere or hide a misconfigured base URL: never follow it.
  if (status < 400) return 'sekoia_invalid_response';
  return 'sekoia_rejected';
}

/** Sekoia errors are `{"message": …, "code"?: "T300"}` (reference §11); WAF pages may be HTML. */
function readRemoteError(bodyText: string): { message?: string; code?: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyText);
  } catch {
    // Not JSON (an HTML error page, say): keep its start as the message.
    return bodyText.trim() === '' ? {} : { message: bodyText };
  }
  if (typeof parsed !== 'object' || parsed === null) return {};
  const { message, code } = parsed as Record<string, unknown>;
  return {
    ...(typeof message === 'string' ? { message } : {}),
    ...(typeof code === 'string' ? { code } : {}),
  };
}

export function errorFromStatus(failure: HttpFailure, request: RequestDescription): BotError {
  const remote = readRemoteError(failure.bodyText);
  const code = codeForStatus(failure.status);
  const details: Record<string, unknown> = {
    status: failure.status,
    method: request.method,
    path: request.path,
  };
  if (remote.message !== undefined) {
    details.sekoiaMessage = logSafe(request.redact(remote.message), REMOTE_TEXT_MAX);
  }
  if (remote.code !== undefined) details.sekoiaCode = logSafe(request.redact(remote.code), 20);
  return new BotError(code, {
    message: `Sekoia.io answered ${failure.status} to ${request.method} ${request.path}`,
    details,
    ...(failure.retryAfterMs === undefined ? {} : { retryAfterMs: failure.retryAfterMs }),
  });
}

export function errorFromNetwork(cause: unknown, request: RequestDescription, timeoutMs: number): BotError {
  const timedOut = cause instanceof Error && cause.name === 'TimeoutError';
  const what = `${request.method} ${request.path}`;
  return new BotError('sekoia_unavailable', {
    message: timedOut
      ? `Sekoia.io did not answer ${what} within ${timeoutMs} ms`
      : `Sekoia.io could not be reached for ${what}`,
    cause,
    details: { method: request.method, path: request.path, reason: timedOut ? 'timeout' : 'network' },
  });
}

export function invalidResponse(request: RequestDescription, details: Record<string, unknown>): BotError {
  return new BotError('sekoia_invalid_response', {
    message: `Sekoia.io sent an unexpected answer to ${request.method} ${request.path}`,
    details: { method: request.method, path: request.path, ...details },
    retryable: false,
  });
}
