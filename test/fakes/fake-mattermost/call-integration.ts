import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { ADDRESS_FORBIDDEN, isInternalHost } from './is-internal-host.ts';

/** The server reads at most this much of an integration's reply (`MaxIntegrationResponseSize`, §2.4). */
export const MAX_INTEGRATION_RESPONSE_BYTES = 1024 * 1024;

export const USER_AGENT = 'Mattermost-Bot/1.1';

export interface IntegrationCall {
  method: 'POST' | 'GET';
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /** Emulates the untrusted client's refusal of private targets (reference §4.6). */
  blockInternal: boolean;
}

export type IntegrationReply =
  | { ok: true; status: number; contentType: string; raw: string }
  | { ok: false; error: string; timedOut?: true };

function readCapped(response: IncomingMessage, done: (raw: string) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  const finish = () =>
    done(Buffer.concat(chunks).subarray(0, MAX_INTEGRATION_RESPONSE_BYTES).toString('utf8'));
  response.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
    size += chunk.length;
    if (size < MAX_INTEGRATION_RESPONSE_BYTES) return;
    // Like io.LimitReader: the rest is never read.
    response.destroy();
    finish();
  });
  response.on('end', finish);
}

/** One outgoing request from the server to the bot, with Node's http client so headers are exactly ours. */
export function callIntegration(call: IntegrationCall): Promise<IntegrationReply> {
  const target = new URL(call.url);
  if (call.blockInternal && isInternalHost(target.hostname)) {
    return Promise.resolve({ ok: false, error: ADDRESS_FORBIDDEN });
  }
  return new Promise((resolve) => {
    let settled = false;
    const settle = (reply: IntegrationReply) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(reply);
    };
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const headers = { 'User-Agent': USER_AGENT, ...call.headers };
    const outgoing = send(target, { method: call.method, headers }, (response) => {
      const contentType = response.headers['content-type'] ?? '';
      readCapped(response, (raw) => settle({ ok: true, status: response.statusCode ?? 0, contentType, raw }));
    });
    const timer = setTimeout(() => {
      outgoing.destroy();
      // The context deadline of `OutgoingIntegrationRequestsTimeout` (integration_action.go, command.go).
      settle({ ok: false, error: `request timed out after ${call.timeoutMs} ms`, timedOut: true });
    }, call.timeoutMs);
    outgoing.on('error', (error) => settle({ ok: false, error: error.message }));
    outgoing.end(call.body);
  });
}
