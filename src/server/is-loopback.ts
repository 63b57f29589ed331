import type { IncomingMessage } from 'node:http';

/** Headers a reverse proxy adds: a request relayed by a proxy on the bot's host is not the host's. */
const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip'] as const;

/**
 * Whether a request came from the bot's own host: by the socket's address, never by a header any
 * client may send. A request carrying a forwarding header is not, even from 127.0.0.1: a reverse
 * proxy or sidecar on the same host connects from loopback on behalf of anyone. (A client can only
 * add such a header, which hides the secret from itself, never remove one a proxy adds.)
 */
export function isLoopback(req: Pick<IncomingMessage, 'socket' | 'headers'>): boolean {
  if (FORWARDING_HEADERS.some((name) => req.headers[name] !== undefined)) return false;
  const address = req.socket.remoteAddress ?? '';
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}
