import { createServer, type Server } from 'node:http';

export interface NonceServer {
  close(): Promise<void>;
}

/**
 * A stand-in for the bot on its own port while it is not running: `GET /healthz` answers the bot's
 * shape plus `nonce`, so that whoever reads the answer through PUBLIC_URL can tell it came from
 * this host. Resolves undefined when the port is taken (the bot, probably, is running).
 */
export async function serveHealthzNonce(port: number, nonce: string): Promise<NonceServer | undefined> {
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://doctor.invalid').pathname;
    if (request.method !== 'GET' || path !== '/healthz') {
      response.writeHead(404);
      response.end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    response.end(JSON.stringify({ status: 'ok', nonce }));
  });
  const listening = await new Promise<boolean>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      error.code === 'EADDRINUSE' ? resolve(false) : reject(error),
    );
    // Every interface, as the bot listens: a reverse proxy may come in on any of them.
    server.listen(port, () => resolve(true));
  });
  if (!listening) return undefined;
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
