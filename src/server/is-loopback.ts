import type { IncomingMessage } from 'node:http';

/**
 * Whether a request came from the bot's own host, by the socket's address: never by
 * X-Forwarded-For or any other header, which every client may send.
 */
export function isLoopback(req: Pick<IncomingMessage, 'socket'>): boolean {
  const address = req.socket.remoteAddress ?? '';
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}
