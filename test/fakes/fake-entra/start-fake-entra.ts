import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Clock, systemClock } from '../../../src/clock.ts';
import { answerTokenRequest } from './answer-token-request.ts';
import { BOT_FRAMEWORK_TENANT, type FakeEntraApp, type FakeEntraTenant } from './fake-entra-model.ts';

const TOKEN_PATH = /^\/([^/]+)\/oauth2\/v2\.0\/token$/;

export interface RecordedTokenRequest {
  method: string;
  path: string;
  contentType: string | undefined;
  /** The form as received (client_secret included: for assertions on what was sent). */
  form: Record<string, string>;
}

export interface FakeEntra {
  /** `http://127.0.0.1:PORT/`: the login base, `{tenant}/oauth2/v2.0/token` appended by clients. */
  readonly loginUrl: string;
  readonly requests: RecordedTokenRequest[];
  close(): Promise<void>;
}

/**
 * A stand-in for Entra ID's login service (login.microsoftonline.com) on loopback: the v2.0 token
 * endpoint of the given tenants (the Bot Framework's own always among them) for the given app
 * registrations. Anything but `POST /{tenant}/oauth2/v2.0/token` is 404.
 */
export async function startFakeEntra(options: {
  tenants?: readonly FakeEntraTenant[];
  apps: readonly FakeEntraApp[];
  clock?: Clock;
}): Promise<FakeEntra> {
  const clock = options.clock ?? systemClock;
  const directory = {
    tenants: [BOT_FRAMEWORK_TENANT, ...(options.tenants ?? [])],
    apps: options.apps,
    now: () => clock.now(),
    issueToken: () => randomBytes(24).toString('base64url'),
  };
  const requests: RecordedTokenRequest[] = [];
  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    const contentType = req.headers['content-type'];
    requests.push({
      method: req.method ?? '',
      path,
      contentType,
      form: Object.fromEntries(new URLSearchParams(body)),
    });
    const match = TOKEN_PATH.exec(path);
    const answer =
      req.method === 'POST' && match?.[1]
        ? answerTokenRequest(directory, { tenant: decodeURIComponent(match[1]), contentType, body })
        : { status: 404, body: {} };
    res.writeHead(answer.status, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    loginUrl: `http://127.0.0.1:${port}/`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
