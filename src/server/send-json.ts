import type { ServerResponse } from 'node:http';

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
