import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock, type ManualClock } from '../../src/clock.ts';
import { createSqliteQueue } from '../../src/queue/create-sqlite-queue.ts';
import type { JobQueue } from '../../src/queue/job-queue.ts';
import { openSqlite } from '../../src/sqlite/open-sqlite.ts';
import { SQLITE_QUEUE_IMPLEMENTATIONS } from './sqlite-queue-implementations.ts';

const implementations = SQLITE_QUEUE_IMPLEMENTATIONS;

describe.each(implementations)('embedded SQLite queue %s', (_name, open) => {
  let dir: string;
  let path: string;
  let clock: ManualClock;
  let queue: JobQueue;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'queue-'));
    path = join(dir, 'queue.sqlite');
    clock = createManualClock();
    queue = await open(path, clock);
  });
  afterEach(async () => {
    await queue.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const claim = async (limit = 10) => (await queue.claim(limit, 60_000)).jobs;

  it('hands out a stored job once, counts the attempt, and forgets it when completed', async () => {
    const { jobId } = await queue.enqueue({ kind: 'event', payload: '{"n":1}' });
    const [job] = await claim();
    expect(job).toMatchObject({ id: jobId, kind: 'event', payload: '{"n":1}', attempts: 1 });
    expect(await claim()).toEqual([]);
    expect(await queue.stats()).toEqual({ pending: 1, running: 1, dead: 0 });
    await queue.complete(jobId);
    expect(await queue.stats()).toEqual({ pending: 0, running: 0, dead: 0 });
  });

  it('drops a duplicate, recognised by any of its keys, when it comes up, and names the first job', async () => {
    const first = await queue.enqueue({ kind: 'event', payload: '1', dedupeKeys: ['a', 'b'] });
    const byB = await queue.enqueue({ kind: 'event', payload: '2', dedupeKeys: ['c', 'b'] });
    const fresh = await queue.enqueue({ kind: 'event', payload: '3', dedupeKeys: ['c'] });
    const claimed = await queue.claim(10, 60_000);
    expect(claimed.jobs.map((j) => j.payload)).toEqual(['1', '3']);
    expect(claimed.duplicates).toEqual([{ id: byB.jobId, kind: 'event', duplicateOf: first.jobId }]);
    expect(fresh.jobId).not.toBe(first.jobId);
    expect(await queue.stats()).toMatchObject({ pending: 2 });
  });

  it('drops a duplicate that arrives after the first was processed', async () => {
    const first = await queue.enqueue({ kind: 'event', payload: '1', dedupeKeys: ['k'] });
    await queue.complete((await claim())[0]?.id ?? '');
    const again = await queue.enqueue({ kind: 'event', payload: '1', dedupeKeys: ['k'] });
    expect(await queue.claim(10, 60_000)).toEqual({
      jobs: [],
      duplicates: [{ id: again.jobId, kind: 'event', duplicateOf: first.jobId }],
    });
  });

  it('keeps the keys of a job across its retries (a retry is not its own duplicate)', async () => {
    const { jobId } = await queue.enqueue({ kind: 'e', payload: 'x', dedupeKeys: ['k'] });
    await claim();
    await queue.retry(jobId, { runAt: clock.now(), error: 'boom' });
    expect(await claim()).toMatchObject([{ id: jobId, attempts: 2 }]);
  });

  it('keeps only one of many copies sent at once', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        queue.enqueue({ kind: 'e', payload: `${i}`, dedupeKeys: ['same'] }),
      ),
    );
    const claimed = await queue.claim(100, 60_000);
    expect(claimed.jobs.map((j) => j.payload)).toEqual(['0']);
    expect(claimed.duplicates).toHaveLength(19);
  });

  it('keeps every acknowledged job across a reopen of the database file', async () => {
    const accepted = await Promise.all(
      Array.from({ length: 50 }, (_, i) => queue.enqueue({ kind: 'e', payload: `${i}` })),
    );
    await queue.close();
    queue = await open(path, clock);
    const jobs = await claim(100);
    expect(jobs.map((j) => j.id).sort()).toEqual(accepted.map((a) => a.jobId).sort());
  });

  it('hands a job out again when its lease runs out (the worker died)', async () => {
    const { jobId } = await queue.enqueue({ kind: 'e', payload: 'x' });
    await claim(1);
    clock.advance(59_999);
    expect(await claim(1)).toEqual([]);
    clock.advance(1);
    expect(await claim(1)).toMatchObject([{ id: jobId, attempts: 2 }]);
  });

  it('keeps a job whose lease is renewed, and hands it out once renewals stop', async () => {
    const { jobId } = await queue.enqueue({ kind: 'e', payload: 'x' });
    await claim(1);
    clock.advance(50_000);
    await queue.extendLease(jobId, 60_000);
    clock.advance(50_000);
    expect(await claim(1)).toEqual([]);
    clock.advance(10_000);
    expect(await claim(1)).toMatchObject([{ id: jobId, attempts: 2 }]);
    // A completed job is not brought back by a late renewal.
    await queue.complete(jobId);
    await queue.extendLease(jobId, 60_000);
    expect(await queue.stats()).toEqual({ pending: 0, running: 0, dead: 0 });
  });

  it('holds a retried job until its time and reports when it is due', async () => {
    const { jobId } = await queue.enqueue({ kind: 'e', payload: 'x' });
    await claim(1);
    await queue.retry(jobId, { runAt: clock.now() + 5_000, error: 'boom' });
    expect(await queue.nextDueAt()).toBe(clock.now() + 5_000);
    expect(await claim(1)).toEqual([]);
    clock.advance(5_000);
    expect(await claim(1)).toMatchObject([{ id: jobId, attempts: 2 }]);
  });

  it('brings forward the waiting jobs that wait for a dependency, and only those', async () => {
    const platform = await queue.enqueue({ kind: 'e', payload: 'p' });
    const sekoia = await queue.enqueue({ kind: 'e', payload: 's' });
    const plain = await queue.enqueue({ kind: 'e', payload: 'x' });
    await claim(3);
    const later = clock.now() + 300_000;
    await queue.retry(platform.jobId, { runAt: later, error: 'down', waitingFor: 'platform:mattermost' });
    await queue.retry(sekoia.jobId, { runAt: later, error: 'down', waitingFor: 'sekoia' });
    await queue.retry(plain.jobId, { runAt: later, error: 'boom' });
    clock.advance(1_000);
    expect(await queue.wake('platform:mattermost')).toBe(1);
    expect(await claim(4)).toMatchObject([{ id: platform.jobId, attempts: 2 }]);
    // Woken once: a second success of the same dependency finds nothing more to bring forward.
    expect(await queue.wake('platform:mattermost')).toBe(0);
    await queue.complete(platform.jobId);
    expect(await claim(3)).toEqual([]);
    clock.advance(300_000);
    expect((await claim(3)).map((job) => job.id).sort()).toEqual([sekoia.jobId, plain.jobId].sort());
  });

  it('keeps buried jobs on the dead-letter list with their last error', async () => {
    const { jobId } = await queue.enqueue({ kind: 'e', payload: 'x' });
    await claim(1);
    await queue.bury(jobId, 'sekoia_forbidden: no permission');
    expect(await claim(1)).toEqual([]);
    expect(await queue.stats()).toEqual({ pending: 0, running: 0, dead: 1 });
    expect(await queue.deadLetters(10)).toMatchObject([
      { id: jobId, lastError: 'sekoia_forbidden: no permission' },
    ]);
  });

  it('forgets old dedupe keys only', async () => {
    await queue.enqueue({ kind: 'e', payload: '1', dedupeKeys: ['old'] });
    await claim();
    clock.advance(10_000);
    await queue.enqueue({ kind: 'e', payload: '2', dedupeKeys: ['new'] });
    await claim();
    expect(await queue.pruneDedupe(clock.now() - 5_000)).toBe(1);
    await queue.enqueue({ kind: 'e', payload: '3', dedupeKeys: ['old'] });
    await queue.enqueue({ kind: 'e', payload: '4', dedupeKeys: ['new'] });
    const claimed = await queue.claim(10, 60_000);
    expect(claimed.jobs.map((j) => j.payload)).toEqual(['3']);
    expect(claimed.duplicates).toHaveLength(1);
  });

  it('refuses new jobs once closed', async () => {
    await queue.close();
    await expect(queue.enqueue({ kind: 'e', payload: 'x' })).rejects.toMatchObject({ code: 'shutting_down' });
  });
});

describe('embedded SQLite queue after a crash', () => {
  const dir = mkdtempSync(join(tmpdir(), 'queue-'));
  const path = join(dir, 'queue.sqlite');
  const clock = createManualClock();

  it('releases at start the leases of a process that died, not those of a live one', async () => {
    const dead = createSqliteQueue({ db: openSqlite(path), clock, ownerPid: 999_001 });
    const alive = createSqliteQueue({ db: openSqlite(path), clock, ownerPid: 999_002 });
    const { jobId: deadJob } = await dead.enqueue({ kind: 'e', payload: 'dead' });
    await dead.claim(1, 60_000);
    await alive.enqueue({ kind: 'e', payload: 'alive' });
    await alive.claim(1, 60_000);
    const restarted = createSqliteQueue({ db: openSqlite(path), clock, isAlive: (pid) => pid === 999_002 });
    expect((await restarted.claim(10, 60_000)).jobs).toMatchObject([{ id: deadJob, attempts: 2 }]);
    await Promise.all([dead.close(), alive.close(), restarted.close()]);
  });
});
