import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { ConnectorContext } from './connector-context.ts';
import { badSyntax, injectedError, routeNotFound, tooManyRequests } from './connector-error.ts';
import type { ConnectorAnswer } from './connector-route.ts';
import { type FakeConversationLimits, limitedConversation } from './fake-conversation-limits.ts';
import type { ConnectorFault, ConnectorFaultInjector } from './fault-injector.ts';
import { routeConnectorRequest } from './route-connector-request.ts';
import { sendEmpty, sendError, sendJson } from './send-response.ts';

export interface RecordedConnectorRequest {
  method: string;
  /** Percent-decoded, e.g. `/v3/conversations/19:x@thread.tacv2;messageid=1/activities/1`. */
  path: string;
  /** As sent, e.g. `/v3/conversations/19%3Ax%40thread.tacv2%3Bmessageid%3D1/activities/1`. */
  rawPath: string;
  /** The query string without `?`. */
  query: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON, the raw text if it was not JSON, undefined if empty. */
  body: unknown;
  /** Epoch ms on the fake's clock. */
  at: number;
}

export interface HttpDependencies {
  context: ConnectorContext;
  faults: ConnectorFaultInjector;
  requests: RecordedConnectorRequest[];
  limits: FakeConversationLimits;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString('utf8');
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

/** Segments decoded one by one (§3.2 surprise 2); undefined for malformed percent-encoding. */
function decodeSegments(pathname: string): string[] | undefined {
  try {
    return pathname
      .split('/')
      .filter((segment) => segment !== '')
      .map(decodeURIComponent);
  } catch {
    // Answered as an unknown route.
    return undefined;
  }
}

export async function handleHttpRequest(
  deps: HttpDependencies,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://fake-bot-connector.invalid');
  const method = request.method ?? 'GET';
  const { body, invalidJson } = parseJson(await readBody(request));
  const segments = decodeSegments(url.pathname);
  const path = segments === undefined ? url.pathname : `/${segments.join('/')}`;
  const query = url.search.replace(/^\?/, '');
  const at = deps.context.clock.now();
  deps.requests.push({ method, path, rawPath: url.pathname, query, headers: request.headers, body, at });
  if (deps.faults.isDown()) {
    request.socket.destroy();
    return;
  }
  if (segments?.[0] !== 'v3') return sendError(response, routeNotFound());
  const { stats } = deps.limits;
  stats.requests += 1;
  // Limits and injected faults come first, as a throttling front end answers before the service.
  const retryAfterSeconds = deps.limits.check(limitedConversation(method, segments, body));
  const fault =
    retryAfterSeconds === undefined ? deps.faults.take() : { kind: 'rate-limit' as const, retryAfterSeconds };
  if (fault?.kind === 'rate-limit') stats.rateLimited += 1;
  if (fault?.kind === 'rate-limit' || fault?.kind === 'fail') return sendFault(response, fault);
  stats.served += 1;
  if (invalidJson) return sendError(response, badSyntax('The request body is not JSON.'));
  const outcome = routeConnectorRequest(deps.context, { method, segments, query: url.searchParams, body });
  if (fault?.kind === 'accept-but-fail') return sendError(response, injectedError(fault.status));
  if (fault?.kind === 'accept-without-body' && !('error' in outcome))
    return sendEmpty(response, fault.status);
  sendAnswer(response, outcome);
}

function sendFault(
  response: ServerResponse,
  fault: Extract<ConnectorFault, { kind: 'rate-limit' | 'fail' }>,
): void {
  if (fault.kind === 'fail') {
    sendError(response, injectedError(fault.status, fault.code));
    return;
  }
  const { retryAfterSeconds } = fault;
  const headers = retryAfterSeconds === undefined ? {} : { 'Retry-After': String(retryAfterSeconds) };
  sendError(response, tooManyRequests(), headers);
}

function sendAnswer(response: ServerResponse, outcome: ConnectorAnswer): void {
  if ('error' in outcome) sendError(response, outcome.error);
  else if (outcome.body === undefined) sendEmpty(response, outcome.status);
  else sendJson(response, outcome.status, outcome.body);
}
