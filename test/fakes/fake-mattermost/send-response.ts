import type { ServerResponse } from 'node:http';
import type { MattermostError } from './mattermost-error.ts';
import { newId } from './new-id.ts';

export const FAKE_VERSION_ID = '10.5.0.fake.0.false';

/** Headers every answer of the server's handlers carries (reference §6.6). */
function standardHeaders(requestId: string): Record<string, string> {
  return { 'X-Request-Id': requestId, 'X-Version-Id': FAKE_VERSION_ID };
}

function write(
  response: ServerResponse,
  status: number,
  headers: Record<string, string>,
  text: string,
): void {
  if (response.destroyed) return;
  response.writeHead(status, headers);
  response.end(text);
}

/** JSON with the bare media type: Client4 parses nothing else (reference §7). */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const all = { ...standardHeaders(newId()), 'Content-Type': 'application/json', ...headers };
  write(response, status, all, JSON.stringify(body));
}

/** The AppError JSON of reference §6.6, its `request_id` matching the header. */
export function sendError(
  response: ServerResponse,
  error: MattermostError,
  extraHeaders: Record<string, string> = {},
): void {
  const requestId = newId();
  const body = {
    id: error.id,
    message: error.message,
    detailed_error: '',
    request_id: requestId,
    status_code: error.status,
  };
  const headers = { ...standardHeaders(requestId), 'Content-Type': 'application/json', ...extraHeaders };
  write(response, error.status, headers, JSON.stringify(body));
}

export function sendText(response: ServerResponse, status: number, text: string, contentType: string): void {
  write(response, status, { ...standardHeaders(newId()), 'Content-Type': contentType }, text);
}

/**
 * The rate limiter answers before any handler, with Go's `http.Error` (reference §6.7); `limitHeaders`
 * are the limiter's own when it refused (an injected refusal makes up the defaults').
 */
export function sendRateLimited(
  response: ServerResponse,
  retryAfterSeconds: number,
  limitHeaders?: Record<string, string>,
): void {
  write(
    response,
    429,
    {
      'Content-Type': 'text/plain; charset=utf-8',
      'X-Content-Type-Options': 'nosniff',
      ...(limitHeaders ?? {
        'X-Ratelimit-Limit': '101',
        'X-Ratelimit-Remaining': '0',
        'X-Ratelimit-Reset': String(retryAfterSeconds),
        'Retry-After': String(retryAfterSeconds),
      }),
    },
    'limit exceeded\n',
  );
}

const PROXY_502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/** An injected failure: a reverse proxy's HTML page for 502, a server error JSON otherwise. */
export function sendInjectedFailure(
  response: ServerResponse,
  status: number,
  extraHeaders: Record<string, string> = {},
): void {
  if (status === 502) {
    write(response, 502, { 'Content-Type': 'text/html' }, PROXY_502);
    return;
  }
  const busy = status === 503;
  sendError(
    response,
    {
      status,
      id: busy ? 'api.context.server_busy.app_error' : 'app.fake.injected_failure.app_error',
      message: busy
        ? 'Server is busy, non-critical services are temporarily unavailable.'
        : 'Injected failure.',
    },
    extraHeaders,
  );
}
