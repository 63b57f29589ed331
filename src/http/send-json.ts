import type { ServerResponse } from 'node:http';

/** What `Retry-After` says on a 503: the bot is shedding load, or its store is down. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * Answers with Node's own response methods: restify's formatter chain costs more than the write on
 * the hot path, and the media type stays bare `application/json` (Mattermost's Client4 and command
 * parser compare it exactly — reference mattermost §2.4, §7).
 */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}
