import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createManualClock, type ManualClock } from '../../src/clock.ts';
import { computeBackoff } from '../../src/compute-backoff.ts';
import { BotError } from '../../src/errors.ts';
import { createLogger } from '../../src/log.ts';
import { createSqliteQueue } from '../../src/queue/create-sqlite-queue.ts';
import { createWorker, type WorkerOptions } from '../../src/queue/create-worker.ts';
import { defineJob, defineJobs } from '../../src/queue/define-jobs.ts';
import { encodeJob } from '../../src/queue/encode-job.ts';
import type { JobHandler } from '../../src/queue/job-kind.ts';
import type { Job, JobQueue } from '../../src/queue/job-queue.ts';
import { jobType } from '../../src/queue/job-type.ts';

const log = createLogger({ level: 'silent' });
const eventJob = jobType('event', z.string());

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

  const workerWith = (handler: JobHandler<string>, extra: Partial<WorkerOptions> = {}) =>
    createWorker({
      queue,
      clock,
      log,
      random: () => 0,
      jobs: defineJobs([defineJob(eventJob, { handle: handler })]),
      maxAttempts: 3,
      events: { onDead: (job) => dead.push(job) },
      ...extra,
    });

  it('completes a job whose handler succeeds', async () => {
    const seen: string[] = [];
    const worker = workerWith(async (payload) => {
      seen.push(payload);
    });
    await queue.enqueue(encodeJob(eventJob, 'hello'));
    expect(await worker.runDue()).toBe(1);
    expect(seen).toEqual(['hello']);
    expect(await queue.stats()).toEqual({ pending: 0, running: 0, dead: 0 });
  });

  it('renews the lease of a job whose handler outlasts it, so that no other replica takes it', async () => {
    const takenMeanwhile: unknown[] = [];
    const worker = workerWith(
      async () => {
        // 200 ms of the queue's time against a 90 ms lease, renewed every 30 ms (real time).
        for (let step = 0; step < 5; step += 1) {
          await new Promise((resolve) => setTimeout(resolve, 45));
          clock.advance(40);
          takenMeanwhile.push(...(await queue.claim(1, 90)).jobs);
        }
      },
      { leaseMs: 90 },
    );
    await queue.enqueue(encodeJob(eventJob, 'slow'));
    expect(await worker.runDue()).toBe(1);
    expect(takenMeanwhile).toEqual([]);
    expect(await queue.stats()).toEqual({ pending: 0, running: 0, dead: 0 });
  });

  it('retries a failing job with backoff until it succeeds', async () => {
    let calls = 0;
    const worker = workerWith(async () => {
      calls += 1;
      if (calls < 3) throw new BotError('sekoia_unavailable');
    });
    await queue.enqueue(encodeJob(eventJob, 'x'));
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
    await queue.enqueue(encodeJob(eventJob, 'x'));
    await worker.runDue();
    clock.advance(29_999);
    expect(await worker.runDue()).toBe(0);
    clock.advance(1);
    expect(await worker.runDue()).toBe(1);
  });

  it('dead-letters a job after the last attempt, and at once when the error cannot heal', async () => {
    const worker = workerWith(async (payload) => {
      throw new BotError(payload === 'forbidden' ? 'sekoia_forbidden' : 'sekoia_unavailable');
    });
    await queue.enqueue(encodeJob(eventJob, 'forbidden'));
    await queue.enqueue(encodeJob(eventJob, 'flaky'));
    await worker.runDue();
    expect(dead.map((j) => JSON.parse(j.payload))).toEqual(['forbidden']);
    for (let i = 0; i < 3; i += 1) {
      clock.advance(60_000);
      await worker.runDue();
    }
    expect(dead.map((j) => JSON.parse(j.payload))).toEqual(['forbidden', 'flaky']);
    expect((await queue.deadLetters(10)).map((j) => j.lastError)).toEqual(
      expect.arrayContaining([expect.stringContaining('sekoia_unavailable')]),
    );
    expect(await queue.stats()).toMatchObject({ pending: 0, dead: 2 });
  });

  it('reports a duplicate instead of running it', async () => {
    const seen: string[] = [];
    const duplicates: string[] = [];
    const worker = workerWith(
      async (payload) => {
        seen.push(payload);
      },
      { events: { onDuplicate: (duplicate) => duplicates.push(duplicate.duplicateOf) } },
    );
    const first = await queue.enqueue(encodeJob(eventJob, 'first', { dedupeKeys: ['n-1'] }));
    await queue.enqueue(encodeJob(eventJob, 'again', { dedupeKeys: ['n-1'] }));
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

  it('dead-letters at once, with the reason and never the values, a payload that fails its schema; the handler never runs', async () => {
    const lines: string[] = [];
    const recordingLog = createLogger({
      level: 'info',
      destination: { write: (line: string) => lines.push(line) },
    });
    const cardJob = jobType(
      'card',
      z.strictObject({ alertUuid: z.string().min(1), platform: z.enum(['mattermost', 'teams']) }),
    );
    const handled: unknown[] = [];
    const worker = createWorker({
      queue,
      clock,
      log: recordingLog,
      random: () => 0,
      jobs: defineJobs([
        defineJob(cardJob, {
          handle: async (payload) => {
            handled.push(payload);
          },
          maxAttempts: 300,
        }),
      ]),
      events: { onDead: (job) => dead.push(job) },
    });
    await queue.enqueue({ kind: 'card', payload: '{"alertUuid":"a-1","platform":"carrier-pigeon"}' });
    await queue.enqueue({ kind: 'card', payload: '{"alertUuid":' });
    await queue.enqueue(encodeJob(cardJob, { alertUuid: 'a-2', platform: 'teams' }));
    await worker.runDue();
    expect(handled).toEqual([{ alertUuid: 'a-2', platform: 'teams' }]);
    expect(dead.map((j) => j.attempts)).toEqual([1, 1]);
    expect(await queue.stats()).toEqual({ pending: 0, running: 0, dead: 2 });
    const reasons = (await queue.deadLetters(10)).map((j) => j.lastError).sort();
    expect(reasons).toEqual([
      'job_payload_invalid: card payload invalid: platform invalid_value',
      'job_payload_invalid: card payload is not JSON',
    ]);
    const deadLines = lines.filter((line) => line.includes('job dead-lettered'));
    expect(deadLines).toHaveLength(2);
    expect(deadLines.join('\n')).toContain('job_payload_invalid');
    expect(lines.join('\n')).not.toContain('carrier-pigeon');
  });

  it('gives each kind of the table its own attempt budget', async () => {
    const failing = async () => {
      throw new BotError('sekoia_unavailable');
    };
    const worker = createWorker({
      queue,
      clock,
      log,
      random: () => 0,
      jobs: defineJobs([
        defineJob(eventJob, { handle: failing }),
        defineJob(jobType('patient', z.string()), { handle: failing, maxAttempts: 5 }),
      ]),
      maxAttempts: 3,
      events: { onDead: (job) => dead.push(job) },
    });
    await queue.enqueue(encodeJob(eventJob, 'x'));
    await queue.enqueue({ kind: 'patient', payload: '"y"' });
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await worker.runDue();
      clock.advance(600_000);
      expect(dead.map((j) => j.kind)).toEqual(
        attempt < 3 ? [] : attempt < 5 ? ['event'] : ['event', 'patient'],
      );
    }
  });

  it('refuses a job table that defines a kind twice', () => {
    const handle = async () => {};
    expect(() => defineJobs([defineJob(eventJob, { handle }), defineJob(eventJob, { handle })])).toThrow(
      expect.objectContaining({ code: 'config_invalid' }),
    );
  });

  it('runs jobs on its own once started, and stop() waits for the one in flight', async () => {
    let release: () => void = () => {};
    const finished: string[] = [];
    const worker = workerWith(async (payload) => {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      finished.push(payload);
    });
    worker.start();
    await queue.enqueue(encodeJob(eventJob, 'slow'));
    worker.wake();
    await expect.poll(async () => (await queue.stats()).running).toBe(1);
    const stopped = worker.stop();
    release();
    await stopped;
    expect(finished).toEqual(['slow']);
    expect(await queue.stats()).toEqual({ pending: 0, running: 0, dead: 0 });
  });
});
