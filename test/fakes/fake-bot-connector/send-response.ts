import type { ServerResponse } from 'node:http';
import type { ConnectorError } from './connector-error.ts';

const JSON_TYPE = 'application/json; charset=utf-8';

function write(
  response: ServerResponse,
  status: number,
  headers: Record<string, string>,
  text: string,
): void {
  if (response.destroyed) return;
  response.writeHead(status, { ...headers, 'Content-Length': String(Buffer.byteLength(text)) });
  response.end(text);
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  write(response, status, { 'Content-Type': JSON_TYPE }, JSON.stringify(body));
}

/** No body at all: a 202 for a split message (§3.4), a 200 for DELETE, an update (update-answer.ts). */
export function sendEmpty(response: ServerResponse, status: number): void {
  write(response, status, {}, '');
}

export function sendError(
  response: ServerResponse,
  error: ConnectorError,
  headers: Record<string, string> = {},
): void {
  const body = { error: { code: error.code, message: error.message } };
  write(response, error.status, { 'Content-Type': JSON_TYPE, ...headers }, JSON.stringify(body));
}
