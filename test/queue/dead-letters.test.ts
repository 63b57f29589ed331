import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@keyv/redis';
import { Client } from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock.ts';
import { createPostgresQueue } from '../../src/queue/create-postgres-queue.ts';
import type { JobQueue } from '../../src/queue/job-queue.ts';
import { createBullmqQueue } from '../../src/storage/create-bullmq-queue.ts';
import { SQLITE_QUEUE_IMPLEMENTATIONS } from './sqlite-queue-implementations.ts';

// The real servers the other queue tests use (override with TEST_POSTGRES_URL / TEST_REDIS_URL).
const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const LEASE_MS = 60_000;

interface Opened {
  queue: JobQueue;
  cleanup: () => Promise<void>;
}

/** Every queue engine, each on a throw-away place of its own: the operator's commands owe the same on all. */
const ENGINES: [string, () => Promise<Opened>][] = [
  ...SQLITE_QUEUE_IMPLEMENTATIONS.map(([name, open]): [string, () => Promise<Opened>] => [
    `SQLite ${name}`,
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'dead-'));
      const queue = await open(join(dir, 'queue.sqlite'), createManualClock());
      return {
        queue,
        cleanup: async () => {
          await queue.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  ]),
  [
    'PostgreSQL',
    async () => {
      const schema = `dead_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
      const queue = await createPostgresQueue({ url: POSTGRES_URL, schema });
      return {
        queue,
        cleanup: async () => {
          await queue.close();
          const admin = new Client({ connectionString: POSTGRES_URL });
          await admin.connect();
          await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
          await admin.end();
        },
      };
    },
  ],
  [
    'BullMQ on Redis',
    async () => {
      const prefix = `test-dead-${randomUUID()}`;
      const queue = createBullmqQueue({ url: REDIS_URL, prefix, stalledCheckMs: 50 });
      return {
        queue,
        cleanup: async () => {
          await queue.close();
          const client = createClient({ url: REDIS_URL });
          await client.connect();
          const keys: string[] = [];
          for await (const batch of client.scanIterator({ MATCH: `${prefix}:*`, COUNT: 1000 }))
            keys.push(...batch);
          if (keys.length > 0) await client.del(keys);
          await client.close();
        },
      };
    },
  ],
];

describe.each(ENGINES)('dead letters on %s', (_name, open) => {
  let opened: Opened;
  let queue: JobQueue;

  beforeEach(async () => {
    opened = await open();
    queue = opened.queue;
  });
  afterEach(async () => {
    await opened.cleanup();
  });

  const claim = async () => (await queue.claim(10, LEASE_MS)).jobs;

  /** A job tried `tries` times, then buried with `error`. */
  const buried = async (payload: string, error = 'it failed', tries = 1) => {
    const { jobId } = await queue.enqueue({ kind: 'event', payload });
    for (let attempt = 1; attempt <= tries; attempt += 1) {
      const [job] = await claim();
      expect(job?.id).toBe(jobId);
      if (attempt < tries) await queue.retry(jobId, { runAt: 0, error });
    }
    await queue.bury(jobId, error);
    return jobId;
  };

  it('puts a dead job back, due now, with its attempts reset', async () => {
    const jobId = await buried('{"n":1}', 'boom', 2);
    expect((await queue.stats()).dead).toBe(1);
    expect(await claim()).toEqual([]);

    expect(await queue.retryDead(jobId)).toBe(true);
    expect(await queue.stats()).toMatchObject({ dead: 0, pending: 1 });
    expect(await queue.deadLetters(10)).toEqual([]);
    const [job] = await claim();
    expect(job).toMatchObject({ id: jobId, kind: 'event', payload: '{"n":1}', attempts: 1 });
    // Once back, it is a live job like any other: a second retry of it as dead finds nothing.
    expect(await queue.retryDead(jobId)).toBe(false);
  });

  it('puts every dead job back at once, and says how many', async () => {
    const first = await buried('{"n":1}');
    const second = await buried('{"n":2}');
    const live = (await queue.enqueue({ kind: 'event', payload: '{"n":3}' })).jobId;

    expect(await queue.retryAllDead()).toBe(2);
    expect((await queue.stats()).dead).toBe(0);
    const ids = (await claim()).map((job) => job.id);
    expect(ids.sort()).toEqual([first, second, live].sort());
    expect(await queue.retryAllDead()).toBe(0);
  });

  it('drops one dead job for good, and leaves the others', async () => {
    const dropped = await buried('{"n":1}');
    const kept = await buried('{"n":2}');

    expect(await queue.dropDead(dropped)).toBe(true);
    expect((await queue.deadLetters(10)).map((job) => job.id)).toEqual([kept]);
    expect(await queue.stats()).toMatchObject({ dead: 1, pending: 0 });
    expect(await queue.dropDead(dropped)).toBe(false);
    expect(await queue.retryDead(dropped)).toBe(false);
  });

  it('touches no live job, and no job that does not exist', async () => {
    const { jobId } = await queue.enqueue({ kind: 'event', payload: '{"n":1}' });
    expect(await queue.retryDead(jobId)).toBe(false);
    expect(await queue.dropDead(jobId)).toBe(false);
    expect(await queue.retryDead('999999')).toBe(false);
    expect(await queue.dropDead('not-an-id')).toBe(false);
    expect(await queue.stats()).toMatchObject({ pending: 1, dead: 0 });
    expect((await claim()).map((job) => job.id)).toEqual([jobId]);
  });
});
