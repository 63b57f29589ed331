import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'restify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.ts';
import { WEBHOOK_ADMISSION } from '../../src/ingress/admit-webhook-body.ts';
import { createWebhookRoute } from '../../src/ingress/create-webhook-route.ts';
import { createLogger } from '../../src/log.ts';
import { createMetrics } from '../../src/metrics/create-metrics.ts';
import { createSqliteQueue } from '../../src/queue/create-sqlite-queue.ts';
import { createThreadedSqliteQueue } from '../../src/queue/create-threaded-sqlite-queue.ts';
import type { JobQueue } from '../../src/queue/job-queue.ts';
import { createBodyBudget } from '../../src/server/create-body-budget.ts';
import { createServer } from '../../src/server/create-server.ts';
import { openSqlite } from '../../src/sqlite/open-sqlite.ts';

const SECRET = 'admission-test-secret-0123456789abcdef';
const log = createLogger({ level: 'silent' });

interface Endpoint {
  queue: JobQueue;
  server: Server;
  url: string;
}

/** The WebHook route alone on a restify server, over the given queue. */
async function startEndpoint(queue: JobQueue): Promise<Endpoint> {
  const metrics = createMetrics({ queueStats: () => queue.stats(), defaultMetrics: false });
  const handler = createWebhookRoute({ secret: SECRET, queue, metrics, clock: systemClock, log });
  const server = createServer({
    routes: [{ method: 'post', path: '/hooks/sekoia/:secret', handler }],
    log,
    bodyBudget: createBodyBudget({ maxBytes: 8 * 1024 * 1024 }),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { queue, server, url: `http://127.0.0.1:${port}/hooks/sekoia/${SECRET}` };
}

async function answer(url: string, body: string | Uint8Array): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  return { status: response.status, body: await response.json() };
}

const shape = (problems: string[]) => ({
  code: 'webhook_invalid_shape',
  message: 'the body is not a Sekoia.io notification: a JSON object with a string "type" is expected',
  problems,
});
const invalidJson = { code: 'webhook_invalid_json', message: 'the body is not valid JSON' };
const deep = `{"type":"alert","attributes":{"deep":${'['.repeat(100)}${']'.repeat(100)}}}`;

/** Bad bodies and the 400 answer each got before parsing moved to the queue's thread. */
const BAD_BODIES: [string, string | Uint8Array, unknown][] = [
  ['not JSON', '{"type": "alert",', invalidJson],
  ['an empty body', '', invalidJson],
  ['a byte-order mark before the JSON', '\uFEFF{"type":"alert"}', invalidJson],
  ['no type', '{"action":"created"}', shape(['type: Invalid input: expected string, received undefined'])],
  [
    'a type that is a list',
    '{"type":["alert"]}',
    shape(['type: Invalid input: expected string, received array']),
  ],
  ['an empty type', '{"type":""}', shape(['type: Too small: expected string to have >=1 characters'])],
  [
    'a type of 257 characters',
    JSON.stringify({ type: 'x'.repeat(257) }),
    shape(['type: Too big: expected string to have <=256 characters']),
  ],
  ['a JSON array', '[]', shape(['(body): Invalid input: expected object, received array'])],
  ['JSON null', 'null', shape(['(body): Invalid input: expected object, received null'])],
  ['a JSON string', '"alert"', shape(['(body): Invalid input: expected object, received string'])],
  [
    'JSON nested too deep',
    deep,
    { code: 'webhook_unstorable', message: 'the body nests objects and arrays deeper than 64 levels' },
  ],
];

describe('the WebHook route: parsed in the queue thread or in the route, the same answers', () => {
  let dir: string;
  let threaded: Endpoint;
  let inline: Endpoint;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'admission-'));
    const path = join(dir, 'queue.sqlite');
    threaded = await startEndpoint(
      await createThreadedSqliteQueue({ path, clock: systemClock, log, admission: WEBHOOK_ADMISSION }),
    );
    inline = await startEndpoint(createSqliteQueue({ db: openSqlite(':memory:'), clock: systemClock }));
  });
  afterAll(async () => {
    for (const endpoint of [threaded, inline]) {
      endpoint.server.close();
      await endpoint.queue.close();
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('offers enqueueRaw on the threaded queue only', () => {
    expect(threaded.queue.enqueueRaw).toBeTypeOf('function');
    expect(inline.queue.enqueueRaw).toBeUndefined();
  });

  it.each(BAD_BODIES)(
    'refuses %s with 400 and the same problems both ways',
    async (_label, body, expected) => {
      const fromThread = await answer(threaded.url, body);
      const fromRoute = await answer(inline.url, body);
      expect(fromThread).toEqual({ status: 400, body: expected });
      expect(fromRoute).toEqual(fromThread);
      expect((await threaded.queue.stats()).pending).toBe(0);
      expect((await inline.queue.stats()).pending).toBe(0);
    },
  );

  it('stores the body as received, bytes that are not UTF-8 decoded the same way', async () => {
    const body = Buffer.concat([
      Buffer.from('{"type":"case","attributes":{"name":"'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('"}}'),
    ]);
    for (const endpoint of [threaded, inline]) {
      const accepted = await answer(endpoint.url, body);
      expect(accepted).toEqual({ status: 202, body: { status: 'accepted', id: expect.any(String) } });
    }
    const stored = await Promise.all(
      [threaded, inline].map(async (e) => (await e.queue.claim(1, 60_000)).jobs[0]),
    );
    const events = stored.map((job) => JSON.parse(job?.payload ?? '{}').event);
    expect(events[0]).toEqual({ type: 'case', attributes: { name: '\uFFFD\uFFFD' } });
    expect(events[1]).toEqual(events[0]);
    for (const [index, endpoint] of [threaded, inline].entries())
      await endpoint.queue.complete(stored[index]?.id ?? '');
  });

  it('refuses a chunked body over 1 MiB with 413 while it streams in, storing nothing', async () => {
    for (const endpoint of [threaded, inline]) {
      const status = await new Promise<number>((resolve, reject) => {
        const req = request(endpoint.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
        });
        req.on('response', (res) => resolve(res.statusCode ?? 0));
        req.on('error', reject);
        req.write(`{"type":"alert","pad":"${'x'.repeat(1024 * 1024)}`);
      });
      expect(status).toBe(413);
      expect((await endpoint.queue.stats()).pending).toBe(0);
    }
  });
});
