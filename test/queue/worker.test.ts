import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock, type ManualClock } from '../../src/clock.ts';
import { computeBackoff } from '../../src/compute-backoff.ts';
import { BotError } from '../../src/errors.ts';
import { createLogger } from '../../src/log.ts';
import { createSqliteQueue } from '../../src/queue/create-sqlite-queue.ts';
import { createWorker, type JobHandler, type WorkerOptions } from '../../src/queue/create-worker.ts';
import type { Job, JobQueue } from '../../src/queue/job-queue.ts';

const log = createLogger({ level: 'silent' });

describe('computeBackoff', () => {
  it.each([
    [1, 0, 500],
    [1, 1, 1_000],
    [2, 0, 1_000],
    [4, 1, 8_000],
    [30, 1, 300_000],
  ])('attempt %i with random %f waits %i ms', (attempts, r, expected) => {
    expect(computeBackoff(attempts, { random: () => r })).toBe(expected);
  });

  it('never waits less than the Retry-After the remote asked for', () => {
    expect(computeBackoff(1, { random: () => 0, retryAfterMs: 42_000 })).toBe(42_000);
  });
});

describe('queue worker', () => {
  let clock: ManualClock;
  let queue: JobQueue;
  let dead: Job[];

  beforeEach(() => {
    clock = createManualClock();
    queue = createSqliteQueue({ db: new DatabaseSync(':memory:'), clock, ownsDb: true });
    dead = [];
  });
  afterEach(() => queue.close());

  const workerWith = (handler: JobHandler, extra: Partial<WorkerOptions> = {}) =>
    createWorker({
      queue,
      clock,
      log,
      random: () => 0,
      handlers: { event: handler },
      maxAttempts: 3,
      events: { onDead: (job) => dead.push(job) },
      ...extra,
    });

  it('completes a job whose handler succeeds', async () => {
    const seen: string[] = [];
    const worker = workerWith(async (job) => {
      seen.push(job.payload);
    });
    await queue.enqueue({ kind: 'event', payload: 'hello' });
    expect(await worker.runDue()).toBe(1);
    expect(seen).toEqual(['hello']);
    expect(await queue.stats()).toEqual({ pending: 0, running: 0, dead: 0 });
  });

  it('retries a failing job with backoff until it succeeds', async () => {
    let calls = 0;
    const worker = workerWith(async () => {
      calls += 1;
      if (calls < 3) throw new BotError('sekoia_unavailable');
    });
    await queue.enqueue({ kind: 'event', payload: 'x' });
    await worker.runDue();
    expect(await worker.runDue()).toBe(0);
    clock.advance(499);
    expect(await worker.runDue()).toBe(0);
    clock.advance(1);
    expect(await worker.runDue()).toBe(1);
    clock.advance(1_000);
    expect(await worker.runDue()).toBe(1);
    expect(calls).toBe(3);
    expect(await queue.stats()).toEqual({ pending: 0, running: 0, dead: 0 });
  });

  it('waits as long as the Retry-After the job reports', async () => {
    let calls = 0;
    const worker = workerWith(async () => {
      calls += 1;
      if (calls === 1) throw new BotError('sekoia_rate_limited', { retryAfterMs: 30_000 });
    });
    await queue.enqueue({ kind: 'event', payload: 'x' });
    await worker.runDue();
    clock.advance(29_999);
    expect(await worker.runDue()).toBe(0);
    clock.advance(1);
    expect(await worker.runDue()).toBe(1);
  });

  it('dead-letters a job after the last attempt, and at once when the error cannot heal', async () => {
    const worker = workerWith(async (job) => {
      throw new BotError(job.payload === 'forbidden' ? 'sekoia_forbidden' : 'sekoia_unavailable');
    });
    await queue.enqueue({ kind: 'event', payload: 'forbidden' });
    await queue.enqueue({ kind: 'event', payload: 'flaky' });
    await worker.runDue();
    expect(dead.map((j) => j.payload)).toEqual(['forbidden']);
    for (let i = 0; i < 3; i += 1) {
      clock.advance(60_000);
      await worker.runDue();
    }
    expect(dead.map((j) => j.payload)).toEqual(['forbidden', 'flaky']);
    expect((await queue.deadLetters(10)).map((j) => j.lastError)).toEqual(
      expect.arrayContaining([expect.stringContaining('sekoia_unavailable')]),
    );
    expect(await queue.stats()).toMatchObject({ pending: 0, dead: 2 });
  });

  it('reports a duplicate instead of running it', async () => {
    const seen: string[] = [];
    const duplicates: string[] = [];
    const worker = workerWith(
      async (job) => {
        seen.push(job.payload);
      },
      { events: { onDuplicate: (duplicate) => duplicates.push(duplicate.duplicateOf) } },
    );
    const first = await queue.enqueue({ kind: 'event', payload: 'first', dedupeKeys: ['n-1'] });
    await queue.enqueue({ kind: 'event', payload: 'again', dedupeKeys: ['n-1'] });
    await worker.runDue();
    expect(seen).toEqual(['first']);
    expect(duplicates).toEqual([first.jobId]);
  });

  it('dead-letters a job of a kind nobody handles', async () => {
    const worker = workerWith(async () => {});
    await queue.enqueue({ kind: 'mystery', payload: 'x' });
    await worker.runDue();
    expect(dead.map((j) => j.kind)).toEqual(['mystery']);
  });

  it('runs jobs on its own once started, and stop() waits for the one in flight', async () => {
    let release: () => void = () => {};
    const finished: string[] = [];
    const worker = workerWith(async (job) => {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      finished.push(job.payload);
    });
    worker.start();
    await queue.enqueue({ kind: 'event', payload: 'slow' });
    worker.wake();
    await expect.poll(async () => (await queue.stats()).running).toBe(1);
    const stopped = worker.stop();
    release();
    await stopped;
    expect(finished).toEqual(['slow']);
    expect(await queue.stats()).toEqual({ pending: 0, running: 0, dead: 0 });
  });
});
