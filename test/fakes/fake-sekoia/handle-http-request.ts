import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import type { ApiKeyRing } from './api-keys.ts';
import type { ApiResponse, FakeContext } from './fake-context.ts';
import type { FaultInjector } from './fault-injector.ts';
import { routeApiRequest } from './route-request.ts';

export interface RecordedRequest {
  method: string;
  /** As received, with the `/api` prefix if the client used one. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Parsed JSON, the raw text if it was not JSON, undefined if empty. */
  body: unknown;
  /** Epoch ms on the fake's clock. */
  at: number;
}

export interface HttpDependencies {
  context: FakeContext;
  keys: ApiKeyRing;
  faults: FaultInjector;
  requests: RecordedRequest[];
  /** Aborted on close, so artificial latency does not outlive the server. */
  signal: AbortSignal;
}

async function readBody(request: IncomingMessage): Promise<{ body: unknown; invalidJson: boolean }> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.from(chunk as Uint8Array));
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return { body: undefined, invalidJson: false };
  try {
    return { body: JSON.parse(text), invalidJson: false };
  } catch {
    // Kept as text so a test can still see what was sent.
    return { body: text, invalidJson: true };
  }
}

/** `/api/v1/…` (app hosts) and `/v1/…` (api hosts) are the same API (reference §1). */
function apiSegments(pathname: string): string[] | undefined {
  const raw = pathname.split('/').filter((segment) => segment !== '');
  const segments = raw[0] === 'api' ? raw.slice(1) : raw;
  try {
    return segments.map((segment) => decodeURIComponent(segment));
  } catch {
    // Malformed percent-encoding: answered as an unknown path.
    return undefined;
  }
}

function send(response: ServerResponse, answer: ApiResponse): void {
  if (response.destroyed) return;
  const isText = typeof answer.body === 'string';
  const text = answer.body === undefined ? '' : isText ? String(answer.body) : JSON.stringify(answer.body);
  const contentType = isText ? 'text/html; charset=utf-8' : 'application/json';
  response.writeHead(answer.status, { 'content-type': contentType, ...answer.headers });
  response.end(text);
}

export async function handleHttpRequest(
  deps: HttpDependencies,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://fake-sekoia.invalid');
  const method = request.method ?? 'GET';
  const { body, invalidJson } = await readBody(request);
  const query = Object.fromEntries(url.searchParams);
  const at = deps.context.clock.now();
  deps.requests.push({ method, path: url.pathname, query, headers: request.headers, body, at });
  const segments = apiSegments(url.pathname);
  // A fault belongs to the request that arrives after it is set, not to a slow one still waiting.
  const fault = deps.faults.take({ method, path: `/${(segments ?? []).join('/')}` });
  const latencyMs = deps.faults.latencyMs();
  if (latencyMs > 0 && !(await waitUnlessClosed(latencyMs, deps.signal))) return;
  if (fault?.kind === 'drop') {
    request.socket.destroy();
    return;
  }
  if (fault?.kind === 'respond') return send(response, fault.response);
  if (segments === undefined) return send(response, { status: 404, body: { message: 'Not found' } });
  if (invalidJson) return send(response, { status: 400, body: { message: 'Invalid JSON body' } });
  const authorization = request.headers.authorization;
  send(
    response,
    routeApiRequest(deps.context, deps.keys, {
      method,
      segments,
      query: url.searchParams,
      body,
      authorization,
    }),
  );
}

async function waitUnlessClosed(ms: number, signal: AbortSignal): Promise<boolean> {
  try {
    await delay(ms, undefined, { signal });
    return true;
  } catch (error) {
    if (signal.aborted) return false;
    throw error;
  }
}
