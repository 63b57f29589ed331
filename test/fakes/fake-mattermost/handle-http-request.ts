import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { ApiAnswer } from './api-route.ts';
import type { FakeContext } from './fake-context.ts';
import type { FakeRateLimiter } from './fake-rate-limiter.ts';
import type { FaultInjector } from './fault-injector.ts';
import { handleCommandHook } from './handle-command-hook.ts';
import { bodyTooLarge, routeNotFound } from './mattermost-error.ts';
import { routeApiRequest } from './route-api-request.ts';
import { sendError, sendInjectedFailure, sendJson, sendRateLimited } from './send-response.ts';

/** `ServiceSettings.MaximumPayloadSizeBytes` default (reference §3.2). */
export const MAX_REQUEST_BODY_BYTES = 300_000;

export interface RecordedRequest {
  method: string;
  path: string;
  /** The query string without `?`. */
  query: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON, the raw text if it was not JSON, undefined if empty. */
  body: unknown;
  /** Epoch ms on the fake's clock. */
  at: number;
}

export interface HttpDependencies {
  context: FakeContext;
  faults: FaultInjector;
  requests: RecordedRequest[];
  limiter: FakeRateLimiter;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

function parseJson(text: string): { body: unknown; invalidJson: boolean } {
  if (text === '') return { body: undefined, invalidJson: false };
  try {
    return { body: JSON.parse(text), invalidJson: false };
  } catch {
    // Kept as text so a test can still see what was sent.
    return { body: text, invalidJson: true };
  }
}

function apiSegments(pathname: string): string[] | undefined {
  try {
    return pathname
      .split('/')
      .filter((segment) => segment !== '')
      .slice(2)
      .map(decodeURIComponent);
  } catch {
    // Malformed percent-encoding: answered as an unknown route.
    return undefined;
  }
}

const HOOK_PATH = /^\/hooks\/commands\/([A-Za-z0-9]+)$/;

export async function handleHttpRequest(
  deps: HttpDependencies,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://fake-mattermost.invalid');
  const method = request.method ?? 'GET';
  const raw = await readBody(request);
  const { body, invalidJson } = parseJson(raw.toString('utf8'));
  const at = deps.context.clock.now();
  const query = url.search.replace(/^\?/, '');
  deps.requests.push({ method, path: url.pathname, query, headers: request.headers, body, at });
  if (deps.faults.isDown()) {
    request.socket.destroy();
    return;
  }
  const hookId = HOOK_PATH.exec(url.pathname)?.[1];
  if (method === 'POST' && hookId !== undefined) {
    if (raw.length > MAX_REQUEST_BODY_BYTES) return sendError(response, bodyTooLarge());
    const contentType = request.headers['content-type'];
    return handleCommandHook(deps.context, { hookId, contentType, rawBody: raw.toString('utf8') }, response);
  }
  answerApi(
    deps,
    { method, url, body, invalidJson, tooLarge: raw.length > MAX_REQUEST_BODY_BYTES },
    request,
    response,
  );
}

interface ApiCall {
  method: string;
  url: URL;
  body: unknown;
  invalidJson: boolean;
  tooLarge: boolean;
}

/**
 * `/api/v4`: the rate limiter first (it wraps the router, and its headers go on every answer when it
 * is on, reference §6.7), then injected faults, then the body limit, then routes.
 */
function answerApi(
  deps: HttpDependencies,
  call: ApiCall,
  request: IncomingMessage,
  response: ServerResponse,
): void {
  const segments = call.url.pathname.startsWith('/api/v4/') ? apiSegments(call.url.pathname) : undefined;
  if (segments === undefined) {
    sendError(response, routeNotFound());
    return;
  }
  const { stats } = deps.limiter;
  stats.requests += 1;
  const decision = deps.limiter.check();
  if (decision?.limited) {
    stats.rateLimited += 1;
    sendRateLimited(response, decision.retryAfterSeconds, decision.headers);
  } else answerAdmitted(deps, { ...call, segments }, request, response, decision?.headers ?? {});
}

function answerAdmitted(
  deps: HttpDependencies,
  call: ApiCall & { segments: string[] },
  request: IncomingMessage,
  response: ServerResponse,
  limitHeaders: Record<string, string>,
): void {
  const { stats } = deps.limiter;
  const fault = deps.faults.take();
  if (fault?.kind === 'rate-limit') {
    stats.rateLimited += 1;
    sendRateLimited(response, fault.retryAfterSeconds);
  } else if (fault?.kind === 'fail') sendInjectedFailure(response, fault.status, limitHeaders);
  else if (call.tooLarge) sendError(response, bodyTooLarge(), limitHeaders);
  else {
    stats.served += 1;
    const { method, body, invalidJson, segments } = call;
    const authorization = request.headers.authorization;
    const query = call.url.searchParams;
    const outcome = routeApiRequest(deps.context, {
      method,
      segments,
      query,
      body,
      invalidJson,
      authorization,
    });
    if (fault?.kind === 'lose-answer') request.socket.destroy();
    else if (fault?.kind !== 'hold-answer') sendAnswer(response, outcome, limitHeaders);
  }
}

function sendAnswer(
  response: ServerResponse,
  outcome: ApiAnswer,
  limitHeaders: Record<string, string>,
): void {
  if ('error' in outcome) sendError(response, outcome.error, limitHeaders);
  else sendJson(response, outcome.status, outcome.body, { ...limitHeaders, ...outcome.headers });
}
