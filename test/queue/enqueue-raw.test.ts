import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock.ts';
import { readBodyBytes } from '../../src/http/read-json-body.ts';
import { WEBHOOK_ADMISSION } from '../../src/ingress/admit-webhook-body.ts';
import { SEKOIA_EVENT_JOB } from '../../src/ingress/stored-event.ts';
import { createLogger } from '../../src/log.ts';
import { createThreadedSqliteQueue } from '../../src/queue/create-threaded-sqlite-queue.ts';
import type { JobQueue } from '../../src/queue/job-queue.ts';
import { DYING_ADMISSION } from './dying-admission.ts';

const BODY = JSON.stringify({
  type: 'alert',
  action: 'created',
  attributes: { uuid: '0d3f9a52-3b1c-4c8e-9f4e-2a7b6c5d4e3f' },
  metadata: { created_at: '2026-03-02T08:15:42.113902+00:00', uuid: 'notif-1' },
});
const context = { receivedAt: 1_000, requestId: 'req-1' };

describe('enqueueRaw: a body admitted and stored in the queue thread', () => {
  let dir: string;
  let queue: JobQueue;
  const enqueueRaw = (bytes: Uint8Array) => {
    if (!queue.enqueueRaw) throw new Error('the threaded queue offers enqueueRaw');
    return queue.enqueueRaw(bytes, context);
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'enqueue-raw-'));
    const log = createLogger({ level: 'silent' });
    const clock = createManualClock();
    queue = await createThreadedSqliteQueue({
      path: join(dir, 'q.sqlite'),
      clock,
      log,
      admission: WEBHOOK_ADMISSION,
    });
  });
  afterEach(async () => {
    await queue.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("stores the body as received, and leaves the caller's bytes as they were", async () => {
    const bytes = new Uint8Array(Buffer.from(BODY));
    const result = await enqueueRaw(bytes);
    expect(Buffer.from(bytes).toString()).toBe(BODY);
    expect(result).toEqual({
      ok: true,
      jobId: expect.any(String),
      summary: {
        type: 'alert',
        action: 'created',
        uuid: '0d3f9a52-3b1c-4c8e-9f4e-2a7b6c5d4e3f',
        alertUuid: '0d3f9a52-3b1c-4c8e-9f4e-2a7b6c5d4e3f',
      },
    });
    const { jobs } = await queue.claim(10, 60_000);
    expect(jobs).toMatchObject([{ kind: SEKOIA_EVENT_JOB }]);
    expect(jobs[0]?.payload).toBe(`{"receivedAt":1000,"requestId":"req-1","event":${BODY}}`);
  });

  it('copies a view of a larger buffer rather than taking the buffer from under its owner', async () => {
    const whole = Buffer.from(`xx${BODY}yy`);
    const result = await enqueueRaw(whole.subarray(2, 2 + Buffer.byteLength(BODY)));
    expect(result.ok).toBe(true);
    expect(whole.toString()).toBe(`xx${BODY}yy`);
  });

  it("copies a small Buffer, a slice of Node's shared pool, which cannot be transferred", async () => {
    const pooled = Buffer.from(BODY);
    expect((await enqueueRaw(pooled)).ok).toBe(true);
    expect(pooled.toString()).toBe(BODY);
  });

  it("sends a turn's bodies together, each stored whole with its own context, beside other requests", async () => {
    // Three notifications of their own (their own uuid and time: none is a duplicate).
    const bodies = ['a', 'bb', 'ccc'].map((id, index) =>
      BODY.replace('notif-1', id).replace('08:15:42', `08:15:4${index}`),
    );
    const sent = bodies.map((body, index) =>
      queue.enqueueRaw?.(Buffer.from(body), { receivedAt: 2_000 + index, requestId: `req-${index}` }),
    );
    const stats = queue.stats();
    const results = await Promise.all(sent);
    expect(results.map((result) => result?.ok)).toEqual([true, true, true]);
    expect((await stats).pending).toBe(3);
    const { jobs } = await queue.claim(10, 60_000);
    expect(jobs.map((job) => job.payload)).toEqual(
      bodies.map(
        (body, index) => `{"receivedAt":${2_000 + index},"requestId":"req-${index}","event":${body}}`,
      ),
    );
  });

  it('answers what is sent while a batch is in the thread, over many turns, bodies and other requests alike', async () => {
    const sent: Promise<unknown>[] = [];
    for (let turn = 0; turn < 40; turn += 1) {
      const body = BODY.replace('notif-1', `turn-${turn}`).replace(
        '42.113902',
        `42.${String(turn).padStart(6, '0')}`,
      );
      sent.push(
        queue.enqueueRaw?.(Buffer.from(body), {
          receivedAt: turn,
          requestId: `req-${turn}`,
        }) as Promise<unknown>,
      );
      if (turn % 5 === 0) sent.push(queue.stats());
      await new Promise((resolve) => setImmediate(resolve));
    }
    const results = await Promise.all(sent);
    const ids = results.flatMap((result) =>
      result && typeof result === 'object' && 'jobId' in result ? [Number(result.jobId)] : [],
    );
    expect(ids).toHaveLength(40);
    // Stored in the order sent.
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect((await queue.stats()).pending).toBe(40);
  });

  it('keeps the dedupe keys of the body: the same notification twice is dropped when it comes up', async () => {
    await enqueueRaw(new Uint8Array(Buffer.from(BODY)));
    await enqueueRaw(new Uint8Array(Buffer.from(BODY)));
    const claimed = await queue.claim(10, 60_000);
    expect(claimed.jobs).toHaveLength(1);
    expect(claimed.duplicates).toHaveLength(1);
  });

  it('answers a refusal with its problems and stores nothing', async () => {
    const result = await enqueueRaw(new Uint8Array(Buffer.from('{"type":7}')));
    expect(result).toEqual({
      ok: false,
      refusal: {
        code: 'webhook_invalid_shape',
        message: 'the body is not a Sekoia.io notification: a JSON object with a string "type" is expected',
        details: { problems: ['type: Invalid input: expected string, received number'] },
      },
    });
    expect((await queue.stats()).pending).toBe(0);
  });

  it('refuses once closed, like the other methods', async () => {
    await queue.close();
    await expect(enqueueRaw(new Uint8Array(Buffer.from(BODY)))).rejects.toMatchObject({
      code: 'shutting_down',
    });
  });
});

describe('enqueueRaw when the queue thread is lost mid-batch', () => {
  it('answers no request of that batch, nor those waiting for it, as stored, and refuses later ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'enqueue-raw-dying-'));
    const queue = await createThreadedSqliteQueue({
      path: join(dir, 'q.sqlite'),
      clock: createManualClock(),
      log: createLogger({ level: 'silent' }),
      admission: DYING_ADMISSION,
    });
    try {
      const { enqueueRaw } = queue;
      if (!enqueueRaw) throw new Error('the threaded queue offers enqueueRaw');
      const enqueue = (body: string) =>
        enqueueRaw(Buffer.from(body), context).then(
          () => 'stored',
          (error: { code?: string }) => error.code,
        );
      // One batch: a good body then the one that ends the thread; a third waits for that batch.
      const batch = [enqueue(BODY), enqueue('die')];
      await new Promise((resolve) => setImmediate(resolve));
      const waiting = enqueue(BODY.replace('notif-1', 'notif-2'));
      expect(await Promise.all([...batch, waiting])).toEqual([
        'store_unavailable',
        'store_unavailable',
        'store_unavailable',
      ]);
      expect(await enqueue(BODY)).toBe('store_unavailable');
    } finally {
      await queue.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('readBodyBytes', () => {
  it('reads a body sent in one piece and one sent in several, whole', async () => {
    const owners: boolean[] = [];
    const server = createServer(async (req, res) => {
      const bytes = await readBodyBytes(req);
      // In memory of its own, never a slice of a buffer that Node reuses for later reads: the queue
      // copies it only when the turn's batch is sent (read-limited.ts keeps a lone chunk as is).
      owners.push(bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.byteLength);
      res.end(bytes);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const once = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: BODY });
      expect(await once.text()).toBe(BODY);
      const half = BODY.length >> 1;
      const pieces = [BODY.slice(0, half), BODY.slice(half)];
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          const piece = pieces.shift();
          if (piece === undefined) return controller.close();
          controller.enqueue(Buffer.from(piece));
          await new Promise((resolve) => setTimeout(resolve, 20));
        },
      });
      const streamed = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body, duplex: 'half' });
      expect(await streamed.text()).toBe(BODY);
      // The lone chunk is Node's own copy; several are joined by Buffer.concat into a fresh one
      // (a slice of the pool for a small body, which nothing else writes).
      expect(owners[0]).toBe(true);
    } finally {
      server.close();
    }
  });
});
