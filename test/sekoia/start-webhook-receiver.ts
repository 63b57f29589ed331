import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WebhookReceiver {
  /** Where the fake should POST, e.g. `http://127.0.0.1:<port>/hooks/sekoia/<path>`. */
  url(path: string): string;
  readonly received: { path: string; contentType: string | undefined; body: unknown }[];
  close(): Promise<void>;
}

/** A stand-in for the bot's WebHook route: records each POST and answers 202. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: WebhookReceiver['received'] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      // A POST the fake gave up on (its deadline, under load) may arrive cut short: a test then
      // sees the bad body in `received` and fails on it, rather than this server throwing.
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        body = { unparsable: text };
      }
      received.push({ path: request.url ?? '', contentType: request.headers['content-type'], body });
      response.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
