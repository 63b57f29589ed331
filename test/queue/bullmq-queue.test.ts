import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { createClient } from '@keyv/redis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JOB_PRIORITY, type JobQueue } from '../../src/queue/job-queue.ts';
import { createBullmqQueue } from '../../src/storage/create-bullmq-queue.ts';

// A real Redis server on the default port (override with TEST_REDIS_URL); each test has its own
// key prefix, deleted afterwards. Real time: BullMQ reads the wall clock, so delays are kept short.
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const LEASE = 60_000;

describe('BullMQ queue on Redis', () => {
  let prefix: string;
  let opened: JobQueue[];
  let queue: JobQueue;

  // Every replica looks for lost leases at the same short interval: the one that looks holds BullMQ's
  // guard key for its own interval, so a replica with a longer one would delay the others' looks.
  const open = (stalledCheckMs = 50) => {
    const created = createBullmqQueue({ url: REDIS_URL, prefix, stalledCheckMs });
    opened.push(created);
    return created;
  };
  const claim = async (limit = 10, on = queue) => (await on.claim(limit, LEASE)).jobs;

  beforeEach(() => {
    prefix = `test-bullmq-${randomUUID()}`;
    opened = [];
    queue = open();
  });
  afterEach(async () => {
    await Promise.all(opened.map((q) => q.close()));
    const client = createClient({ url: REDIS_URL });
    await client.connect();
    const keys: string[] = [];
    for await (const batch of client.scanIterator({ MATCH: `${prefix}:*`, COUNT: 1000 })) keys.push(...batch);
    if (keys.length > 0) await client.del(keys);
    await client.close();
  });

  it('hands out a stored job once, counts the attempt, and forgets it when completed', async () => {
    const { jobId } = await queue.enqueue({ kind: 'event', payload: '{"n":1}' });
    const [job] = await claim();
    expect(job).toMatchObject({ id: jobId, kind: 'event', payload: '{"n":1}', attempts: 1 });
    expect(job?.createdAt).toBeGreaterThan(Date.now() - 5_000);
    expect(await claim()).toEqual([]);
    expect(await queue.stats()).toEqual({ pending: 1, running: 1, dead: 0 });
    await queue.complete(jobId);
    expect(await queue.stats()).toEqual({ pending: 0, running: 0, dead: 0 });
    expect(await queue.statsByKind()).toEqual([]);
  });

  it('holds a job until its runAt and reports when it is due', async () => {
    // Far enough ahead that the checks below end before it, on a loaded machine too (200 ms was not).
    const runAt = Date.now() + 1_500;
    const { jobId } = await queue.enqueue({ kind: 'e', payload: 'later', runAt });
    expect(await claim()).toEqual([]);
    // BullMQ keeps a delay, computed from the clock when it is enqueued, and adds it to its own
    // clock: the due time it reports drifts by the milliseconds between the two (5 on a loaded machine).
    expect(Math.abs(((await queue.nextDueAt()) ?? 0) - runAt)).toBeLessThanOrEqual(50);
    expect(await queue.statsByKind()).toMatchObject([{ kind: 'e', waiting: 1, oldestAgeMs: 0 }]);
    await sleep(runAt - Date.now() + 10);
    expect(await claim()).toMatchObject([{ id: jobId, attempts: 1 }]);
  });

  it('claims by priority, then in arrival order', async () => {
    for (let n = 0; n < 3; n += 1) {
      await queue.enqueue({ kind: 'card', payload: `storm-${n}`, priority: JOB_PRIORITY.low });
    }
    await queue.enqueue({ kind: 'event', payload: 'event' });
    await queue.enqueue({ kind: 'card', payload: 'first', priority: JOB_PRIORITY.high });
    await queue.enqueue({ kind: 'card', payload: 'click', priority: JOB_PRIORITY.urgent });
    expect((await claim(3)).map((job) => job.payload)).toEqual(['click', 'first', 'event']);
    expect((await claim(10)).map((job) => job.payload)).toEqual(['storm-0', 'storm-1', 'storm-2']);
  });

  it('keeps the priority of a scheduled job once it is due', async () => {
    const runAt = Date.now() + 100;
    await queue.enqueue({ kind: 'card', payload: 'click', priority: JOB_PRIORITY.urgent, runAt });
    await queue.enqueue({ kind: 'event', payload: 'event' });
    await sleep(runAt - Date.now() + 10);
    expect((await claim(2)).map((job) => job.payload)).toEqual(['click', 'event']);
  });

  it('tries a retried job again at its time, counting the attempt', async () => {
    const { jobId } = await queue.enqueue({ kind: 'e', payload: 'x' });
    await claim(1);
    const runAt = Date.now() + 1_000;
    await queue.retry(jobId, { runAt, error: 'boom' });
    expect(await claim(1)).toEqual([]);
    // BullMQ keeps a delay, computed from the clock when it is enqueued, and adds it to its own
    // clock: the due time it reports drifts by the milliseconds between the two (5 on a loaded machine).
    expect(Math.abs(((await queue.nextDueAt()) ?? 0) - runAt)).toBeLessThanOrEqual(50);
    expect(await queue.stats()).toEqual({ pending: 1, running: 0, dead: 0 });
    await sleep(runAt - Date.now() + 10);
    expect(await claim(1)).toMatchObject([{ id: jobId, attempts: 2 }]);
    // A job in backoff is late work: owed since it was created.
    expect((await queue.statsByKind())[0]?.oldestAgeMs).toBeGreaterThanOrEqual(1_000);
  });

  it('brings forward the waiting jobs that wait for a dependency, and only those', async () => {
    const platform = await queue.enqueue({ kind: 'e', payload: 'p' });
    const sekoia = await queue.enqueue({ kind: 'e', payload: 's' });
    const plain = await queue.enqueue({ kind: 'e', payload: 'x' });
    await claim(3);
    const later = Date.now() + 300_000;
    await queue.retry(platform.jobId, { runAt: later, error: 'down', waitingFor: 'platform:mattermost' });
    await queue.retry(sekoia.jobId, { runAt: later, error: 'down', waitingFor: 'sekoia' });
    await queue.retry(plain.jobId, { runAt: later, error: 'boom' });
    expect(await queue.wake('platform:mattermost')).toBe(1);
    expect(await claim(4)).toMatchObject([{ id: platform.jobId, attempts: 2 }]);
    expect(await queue.wake('platform:mattermost')).toBe(0);
    await queue.complete(platform.jobId);
    expect(await claim(3)).toEqual([]);
    expect(await queue.stats()).toEqual({ pending: 2, running: 0, dead: 0 });
  });

  it('keeps buried jobs on the dead-letter list with their last error, counted by kind', async () => {
    const { jobId } = await queue.enqueue({ kind: 'card', payload: 'x' });
    await queue.enqueue({ kind: 'event', payload: 'y' });
    await claim(1);
    await queue.bury(jobId, 'sekoia_forbidden: no permission');
    expect(await claim(1)).toMatchObject([{ kind: 'event' }]);
    expect(await queue.stats()).toEqual({ pending: 1, running: 1, dead: 1 });
    expect(await queue.deadLetters(10)).toMatchObject([
      { id: jobId, kind: 'card', payload: 'x', attempts: 1, lastError: 'sekoia_forbidden: no permission' },
    ]);
    expect(await queue.statsByKind()).toMatchObject([
      { kind: 'card', waiting: 0, running: 0, dead: 1, oldestAgeMs: 0 },
      { kind: 'event', waiting: 0, running: 1, dead: 0 },
    ]);
  });

  it('drops a duplicate, recognised by any of its keys, when it comes up, and names the first job', async () => {
    const first = await queue.enqueue({ kind: 'event', payload: '1', dedupeKeys: ['a', 'b'] });
    const byB = await queue.enqueue({ kind: 'event', payload: '2', dedupeKeys: ['c', 'b'] });
    await queue.enqueue({ kind: 'event', payload: '3', dedupeKeys: ['c'] });
    const claimed = await queue.claim(10, LEASE);
    expect(claimed.jobs.map((j) => j.payload)).toEqual(['1', '3']);
    expect(claimed.duplicates).toEqual([{ id: byB.jobId, kind: 'event', duplicateOf: first.jobId }]);
    expect(await queue.stats()).toMatchObject({ pending: 2 });
  });

  it('drops a duplicate that arrives after the first was processed, until the key is pruned', async () => {
    const first = await queue.enqueue({ kind: 'event', payload: '1', dedupeKeys: ['k'] });
    const { jobId: retried } = await queue.enqueue({ kind: 'event', payload: 'r', dedupeKeys: ['own'] });
    const [claimedFirst] = await claim(1);
    await queue.complete(claimedFirst?.id ?? '');
    // A retry is not its own duplicate.
    await claim(1);
    await queue.retry(retried, { runAt: Date.now(), error: 'boom' });
    expect(await claim(1)).toMatchObject([{ id: retried, attempts: 2 }]);
    const again = await queue.enqueue({ kind: 'event', payload: '1', dedupeKeys: ['k'] });
    expect(await queue.claim(10, LEASE)).toEqual({
      jobs: [],
      duplicates: [{ id: again.jobId, kind: 'event', duplicateOf: first.jobId }],
    });
    expect(await queue.pruneDedupe(Date.now() - 60_000)).toBe(0);
    expect(await queue.pruneDedupe(Date.now() + 1)).toBe(2);
    await queue.enqueue({ kind: 'event', payload: 'fresh', dedupeKeys: ['k'] });
    expect((await claim()).map((j) => j.payload)).toEqual(['fresh']);
  });

  it('never hands the same job to two replicas claiming at once, and drops copies across them', async () => {
    const other = open();
    const ids = await Promise.all(
      Array.from({ length: 60 }, (_, n) => queue.enqueue({ kind: 'e', payload: `${n}` })),
    );
    await Promise.all(
      Array.from({ length: 10 }, () => queue.enqueue({ kind: 'e', payload: 'copy', dedupeKeys: ['same'] })),
    );
    const claims = await Promise.all(
      Array.from({ length: 8 }, (_, n) => (n % 2 === 0 ? queue : other).claim(12, LEASE)),
    );
    const claimed = claims.flatMap((c) => c.jobs.map((job) => job.id));
    expect(new Set(claimed).size).toBe(claimed.length);
    expect(claimed.length).toBe(61);
    for (const { jobId } of ids) expect(claimed).toContain(jobId);
    expect(claims.flatMap((c) => c.duplicates)).toHaveLength(9);
  });

  it("keeps a job whose lease is renewed from another replica's lost-lease check", async () => {
    const survivor = open();
    const { jobId } = await queue.enqueue({ kind: 'e', payload: 'x' });
    expect((await queue.claim(1, 150)).jobs).toMatchObject([{ id: jobId, attempts: 1 }]);
    const renewing = setInterval(() => void queue.extendLease(jobId, 150), 50);
    try {
      const until = Date.now() + 600;
      while (Date.now() < until) {
        expect((await survivor.claim(1, LEASE)).jobs).toEqual([]);
        await sleep(25);
      }
    } finally {
      clearInterval(renewing);
    }
    await queue.complete(jobId);
    expect(await survivor.stats()).toEqual({ pending: 0, running: 0, dead: 0 });
  });

  // A fraction of a millisecond (QUEUE_LEASE_SECONDS / 6) once made every stalled check fail in
  // Redis (`SET … PX 833.33`: "value is not an integer"), and a dead replica's jobs stayed lost.
  it.each([
    ['', 50],
    [', with a check interval in fractions of a millisecond', 50.5],
  ])('hands a job out again when its lease runs out (the claimer died)%s', async (_, stalledCheckMs) => {
    // Only queues with this interval look for lost leases.
    await queue.close();
    queue = open(stalledCheckMs);
    const survivor = open(stalledCheckMs);
    const { jobId } = await queue.enqueue({ kind: 'e', payload: 'x' });
    expect((await queue.claim(1, 150)).jobs).toMatchObject([{ id: jobId, attempts: 1 }]);
    await sleep(50);
    expect((await survivor.claim(1, 150)).jobs).toEqual([]);
    const deadline = Date.now() + 2_000;
    let again: Awaited<ReturnType<JobQueue['claim']>>['jobs'] = [];
    while (again.length === 0 && Date.now() < deadline) {
      await sleep(25);
      again = (await survivor.claim(1, LEASE)).jobs;
    }
    expect(again).toMatchObject([{ id: jobId, attempts: 2 }]);
    // The first claimer, late, may still settle it (the port checks no lease).
    await queue.complete(jobId);
    expect(await survivor.stats()).toEqual({ pending: 0, running: 0, dead: 0 });
  });

  it('closes right after opening without a connection failure (npm run queue, the doctor)', async () => {
    const failures: unknown[] = [];
    for (let round = 0; round < 3; round += 1) {
      const quick = createBullmqQueue({ url: REDIS_URL, prefix, onError: (error) => failures.push(error) });
      await quick.close();
    }
    // A failure of a connection's opening INFO arrives a moment after the close.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(failures).toEqual([]);
  });

  it('answers ping, and refuses work once closed', async () => {
    await queue.ping();
    await queue.close();
    await expect(queue.enqueue({ kind: 'e', payload: 'x' })).rejects.toMatchObject({ code: 'shutting_down' });
  });
});
