import { createServer, type IncomingMessage, request } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RoundRobinProxy {
  readonly url: string;
  /** Sends every request to this upstream (its index) until called with undefined. */
  pin(index: number | undefined): void;
  /** Requests answered per upstream index. */
  readonly served: number[];
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * The load balancer of the fault tests: each request to the next upstream in turn, as HAProxy's
 * `balance roundrobin` in deploy/haproxy.cfg does. An upstream that refuses the connection (a killed
 * replica) is skipped and the request goes to the next one, like HAProxy's `retries` with
 * `option redispatch`; a connection lost after the request was sent is a 502, as there: the sender
 * (Sekoia.io) sends the notification again.
 */
export async function startRoundRobinProxy(upstreams: readonly string[]): Promise<RoundRobinProxy> {
  let next = 0;
  let pinned: number | undefined;
  const served = upstreams.map(() => 0);
  const forward = (index: number, req: IncomingMessage, body: Buffer) =>
    new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
      (resolve, reject) => {
        const target = new URL(req.url ?? '/', upstreams[index]);
        const outgoing = request(
          target,
          { method: req.method, headers: { ...req.headers, host: target.host }, agent: false },
          async (response) => {
            try {
              resolve({
                status: response.statusCode ?? 502,
                headers: response.headers,
                body: await readBody(response),
              });
            } catch (error) {
              reject(error);
            }
          },
        );
        outgoing.once('error', reject);
        outgoing.end(body);
      },
    );
  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const first = pinned ?? next;
    if (pinned === undefined) next = (next + 1) % upstreams.length;
    for (let tried = 0; tried < upstreams.length; tried++) {
      const index = (first + tried) % upstreams.length;
      try {
        const answer = await forward(index, req, body);
        served[index] = (served[index] ?? 0) + 1;
        res.writeHead(answer.status, answer.headers);
        res.end(answer.body);
        return;
      } catch (error) {
        const refused = (error as NodeJS.ErrnoException).code === 'ECONNREFUSED';
        if (!refused || pinned !== undefined) break;
      }
    }
    res.writeHead(502, { 'content-type': 'text/plain' });
    res.end('bad gateway');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    pin: (index) => {
      pinned = index;
    },
    served,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
