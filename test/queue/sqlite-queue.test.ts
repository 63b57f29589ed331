import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock, type ManualClock } from '../../src/clock.ts';
import { createSqliteQueue } from '../../src/queue/create-sqlite-queue.ts';
import type { JobQueue } from '../../src/queue/job-queue.ts';
import { openSqlite } from '../../src/storage/open-sqlite.ts';

describe('embedded SQLite queue', () => {
  let dir: string;
  let path: string;
  let clock: ManualClock;
  let db: DatabaseSync;
  let queue: JobQueue;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'queue-'));
    path = join(dir, 'queue.sqlite');
    clock = createManualClock();
    db = openSqlite(path);
    queue = createSqliteQueue({ db, clock, ownsDb: true });
  });
  afterEach(async () => {
    await queue.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('hands out a stored job once, counts the attempt, and forgets it when completed', async () => {
    const { status, jobId } = await queue.enqueue({ kind: 'event', payload: '{"n":1}' });
    expect(status).toBe('queued');
    const [job] = await queue.claim(10, 60_000);
    expect(job).toMatchObject({ id: jobId, kind: 'event', payload: '{"n":1}', attempts: 1 });
    expect(await queue.claim(10, 60_000)).toEqual([]);
    expect(await queue.stats()).toEqual({ pending: 1, running: 1, dead: 0 });
    await queue.complete(jobId);
    expect(await queue.stats()).toEqual({ pending: 0, running: 0, dead: 0 });
  });

  it('recognises a duplicate by any of its keys and returns the first job id', async () => {
    const first = await queue.enqueue({ kind: 'event', payload: '1', dedupeKeys: ['a', 'b'] });
    const byB = await queue.enqueue({ kind: 'event', payload: '2', dedupeKeys: ['c', 'b'] });
    const fresh = await queue.enqueue({ kind: 'event', payload: '3', dedupeKeys: ['c'] });
    expect(byB).toEqual({ status: 'duplicate', jobId: first.jobId });
    expect(fresh.status).toBe('queued');
    expect((await queue.stats()).pending).toBe(2);
  });

  it('deduplicates within one group-commit batch', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        queue.enqueue({ kind: 'e', payload: `${i}`, dedupeKeys: ['same'] }),
      ),
    );
    expect(results.filter((r) => r.status === 'queued')).toHaveLength(1);
    expect((await queue.stats()).pending).toBe(1);
  });

  it('keeps every acknowledged job across a reopen of the database file', async () => {
    const accepted = await Promise.all(
      Array.from({ length: 50 }, (_, i) => queue.enqueue({ kind: 'e', payload: `${i}` })),
    );
    await queue.close();
    queue = createSqliteQueue({ db: openSqlite(path), clock, ownsDb: true });
    const jobs = await queue.claim(100, 60_000);
    expect(jobs.map((j) => j.id).sort()).toEqual(accepted.map((a) => a.jobId).sort());
  });

  it('hands a job out again when its lease runs out (the worker died)', async () => {
    const { jobId } = await queue.enqueue({ kind: 'e', payload: 'x' });
    await queue.claim(1, 60_000);
    clock.advance(59_999);
    expect(await queue.claim(1, 60_000)).toEqual([]);
    clock.advance(1);
    expect(await queue.claim(1, 60_000)).toMatchObject([{ id: jobId, attempts: 2 }]);
  });

  it('releases at start the leases of a process that died, not those of a live one', async () => {
    const dead = createSqliteQueue({ db: openSqlite(path), clock, ownerPid: 999_001 });
    const alive = createSqliteQueue({ db: openSqlite(path), clock, ownerPid: 999_002 });
    const { jobId: deadJob } = await dead.enqueue({ kind: 'e', payload: 'dead' });
    await dead.claim(1, 60_000);
    await alive.enqueue({ kind: 'e', payload: 'alive' });
    await alive.claim(1, 60_000);
    const restarted = createSqliteQueue({ db: openSqlite(path), clock, isAlive: (pid) => pid === 999_002 });
    expect(await restarted.claim(10, 60_000)).toMatchObject([{ id: deadJob, attempts: 2 }]);
    await Promise.all([dead.close(), alive.close(), restarted.close()]);
  });

  it('holds a retried job until its time and reports when it is due', async () => {
    const { jobId } = await queue.enqueue({ kind: 'e', payload: 'x' });
    await queue.claim(1, 60_000);
    await queue.retry(jobId, { runAt: clock.now() + 5_000, error: 'boom' });
    expect(await queue.nextDueAt()).toBe(clock.now() + 5_000);
    expect(await queue.claim(1, 60_000)).toEqual([]);
    clock.advance(5_000);
    expect(await queue.claim(1, 60_000)).toMatchObject([{ id: jobId, attempts: 2 }]);
  });

  it('keeps buried jobs on the dead-letter list with their last error', async () => {
    const { jobId } = await queue.enqueue({ kind: 'e', payload: 'x' });
    await queue.claim(1, 60_000);
    await queue.bury(jobId, 'sekoia_forbidden: no permission');
    expect(await queue.claim(1, 60_000)).toEqual([]);
    expect(await queue.stats()).toEqual({ pending: 0, running: 0, dead: 1 });
    expect(await queue.deadLetters(10)).toMatchObject([
      { id: jobId, lastError: 'sekoia_forbidden: no permission' },
    ]);
  });

  it('forgets old dedupe keys only', async () => {
    await queue.enqueue({ kind: 'e', payload: '1', dedupeKeys: ['old'] });
    clock.advance(10_000);
    await queue.enqueue({ kind: 'e', payload: '2', dedupeKeys: ['new'] });
    expect(await queue.pruneDedupe(clock.now() - 5_000)).toBe(1);
    expect((await queue.enqueue({ kind: 'e', payload: '3', dedupeKeys: ['old'] })).status).toBe('queued');
    expect((await queue.enqueue({ kind: 'e', payload: '4', dedupeKeys: ['new'] })).status).toBe('duplicate');
  });

  it('refuses new jobs once closed', async () => {
    await queue.close();
    await expect(queue.enqueue({ kind: 'e', payload: 'x' })).rejects.toMatchObject({ code: 'shutting_down' });
  });
});
