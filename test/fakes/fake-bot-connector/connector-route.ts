import type { ConnectorContext } from './connector-context.ts';
import type { ConnectorError } from './connector-error.ts';

export interface ConnectorRequest {
  method: string;
  /** Percent-decoded path segments, `v3` first. */
  segments: readonly string[];
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  /** Parsed JSON; undefined when empty. */
  body: unknown;
}

/** `body` undefined means no body at all (202 after a split, DELETE). */
export type ConnectorAnswer = { status: number; body?: unknown } | { error: ConnectorError };

export interface ConnectorRoute {
  method: string;
  /** Slash-separated, `:name` captures a segment, e.g. `v3/conversations/:conversationId/members`. */
  pattern: string;
  handle: (context: ConnectorContext, request: ConnectorRequest) => ConnectorAnswer;
}

export const answer = (status: number, body?: unknown): ConnectorAnswer =>
  body === undefined ? { status } : { status, body };

export const fail = (error: ConnectorError): ConnectorAnswer => ({ error });

export function matchPattern(
  pattern: string,
  segments: readonly string[],
): Record<string, string> | undefined {
  const parts = pattern.split('/');
  if (parts.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of parts.entries()) {
    const segment = segments[index] ?? '';
    if (part.startsWith(':')) params[part.slice(1)] = segment;
    else if (part !== segment) return undefined;
  }
  return params;
}

export function param(request: ConnectorRequest, name: string): string {
  return request.params[name] ?? '';
}
