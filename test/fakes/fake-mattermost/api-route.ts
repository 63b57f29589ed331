import type { FakeContext } from './fake-context.ts';
import type { MattermostError } from './mattermost-error.ts';

export interface ApiRequest {
  method: string;
  /** Decoded path segments after `/api/v4`. */
  segments: readonly string[];
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  /** Parsed JSON; undefined when empty or not JSON (see `invalidJson`). */
  body: unknown;
  invalidJson: boolean;
  /**
   * The request carried the bot's token. A wrong token on a route that needs no session counts as
   * none (server/channels/web/handlers.go ServeHTTP: session_expired only when RequireSession).
   */
  authenticated: boolean;
}

export type ApiAnswer =
  | { status: number; body: unknown; headers?: Record<string, string> }
  | { error: MattermostError };

export interface ApiRoute {
  method: string;
  /** Slash-separated, `:name` captures a segment, e.g. `posts/:postId/patch`. */
  pattern: string;
  /** Routes that need no session (the trigger id is the credential). */
  anonymous?: boolean;
  handle: (context: FakeContext, request: ApiRequest) => ApiAnswer;
}

export const answer = (status: number, body: unknown): ApiAnswer => ({ status, body });
export const fail = (error: MattermostError): ApiAnswer => ({ error });
export const statusOk = (): ApiAnswer => answer(200, { status: 'OK' });

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

export function param(request: ApiRequest, name: string): string {
  return request.params[name] ?? '';
}
