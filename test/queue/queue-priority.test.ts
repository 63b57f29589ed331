import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock, type ManualClock } from '../../src/clock.ts';
import { createSqliteQueue } from '../../src/queue/create-sqlite-queue.ts';
import { JOB_PRIORITY, type JobQueue } from '../../src/queue/job-queue.ts';
import { BACKLOG_FOR_NEWEST_FIRST } from '../../src/queue/sqlite-queue-core.ts';
import { openSqlite } from '../../src/sqlite/open-sqlite.ts';
import { SQLITE_QUEUE_IMPLEMENTATIONS } from './sqlite-queue-implementations.ts';

const implementations = SQLITE_QUEUE_IMPLEMENTATIONS;

describe.each(implementations)('queue priority %s', (_name, open) => {
  let dir: string;
  let path: string;
  let clock: ManualClock;
  let queue: JobQueue;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'queue-priority-'));
    path = join(dir, 'queue.sqlite');
    clock = createManualClock();
    queue = await open(path, clock);
  });
  afterEach(async () => {
    await queue.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const claimed = async (limit: number) => (await queue.claim(limit, 60_000)).jobs.map((job) => job.payload);

  it('claims a click before a first card before ordinary jobs before storm updates, each in time order', async () => {
    for (let n = 0; n < 5; n += 1) {
      await queue.enqueue({ kind: 'card', payload: `storm-${n}`, priority: JOB_PRIORITY.low });
      clock.advance(1);
    }
    await queue.enqueue({ kind: 'event', payload: 'event' });
    clock.advance(1);
    await queue.enqueue({ kind: 'card', payload: 'first', priority: JOB_PRIORITY.high });
    clock.advance(1);
    await queue.enqueue({ kind: 'card', payload: 'click', priority: JOB_PRIORITY.urgent });
    expect(await claimed(3)).toEqual(['click', 'first', 'event']);
    expect(await claimed(10)).toEqual(['storm-0', 'storm-1', 'storm-2', 'storm-3', 'storm-4']);
  });

  it('takes the newest job first on every other claim while a backlog lasts, first in first out below it', async () => {
    for (let n = 0; n < BACKLOG_FOR_NEWEST_FIRST + 20; n += 1) {
      await queue.enqueue({ kind: 'event', payload: `e${n}` });
      clock.advance(1);
    }
    const newest = `e${BACKLOG_FOR_NEWEST_FIRST + 19}`;
    const claims = [await claimed(1), await claimed(1), await claimed(1), await claimed(1)];
    expect(claims).toEqual([[newest], ['e0'], [`e${BACKLOG_FOR_NEWEST_FIRST + 18}`], ['e1']]);
    // Drain down to a short queue: from there on, strictly oldest first.
    await claimed(BACKLOG_FOR_NEWEST_FIRST + 20 - 4 - 10);
    const rest = [];
    for (let n = 0; n < 10; n += 1) rest.push(...(await claimed(1)));
    expect(rest).toEqual([...rest].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))));
    expect(rest).toHaveLength(10);
  });

  it('does not claim an urgent job before its time', async () => {
    await queue.enqueue({
      kind: 'card',
      payload: 'later',
      priority: JOB_PRIORITY.urgent,
      runAt: clock.now() + 1_000,
    });
    await queue.enqueue({ kind: 'card', payload: 'now', priority: JOB_PRIORITY.low });
    expect(await claimed(10)).toEqual(['now']);
    clock.advance(1_000);
    expect(await claimed(10)).toEqual(['later']);
  });

  it('keeps a job’s priority across its retries', async () => {
    await queue.enqueue({ kind: 'card', payload: 'storm', priority: JOB_PRIORITY.low });
    const { jobId } = await queue.enqueue({ kind: 'card', payload: 'click', priority: JOB_PRIORITY.urgent });
    expect(await claimed(1)).toEqual(['click']);
    await queue.retry(jobId, { runAt: clock.now(), error: 'refused' });
    expect(await claimed(1)).toEqual(['click']);
  });
});

describe('queue priority on a queue written before priorities existed', () => {
  it('adds the column, reads old jobs as normal, and orders new ones around them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'queue-old-'));
    const path = join(dir, 'queue.sqlite');
    const clock = createManualClock();
    const db = openSqlite(path);
    // The table as it was before the priority column (waiting_for included).
    db.exec(`CREATE TABLE queue_jobs (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL,
      payload TEXT NOT NULL, state TEXT NOT NULL CHECK (state IN ('pending', 'dead')),
      attempts INTEGER NOT NULL DEFAULT 0, run_at INTEGER NOT NULL, lease_until INTEGER,
      lease_owner INTEGER, created_at INTEGER NOT NULL, last_error TEXT, dedupe_keys TEXT, waiting_for TEXT)`);
    db.prepare(
      `INSERT INTO queue_jobs (kind, payload, state, run_at, created_at) VALUES ('event', 'old', 'pending', ?, ?)`,
    ).run(clock.now(), clock.now());
    db.close();
    const queue = createSqliteQueue({ db: openSqlite(path), clock, ownsDb: true });
    try {
      clock.advance(1);
      await queue.enqueue({ kind: 'card', payload: 'storm', priority: JOB_PRIORITY.low });
      await queue.enqueue({ kind: 'card', payload: 'first', priority: JOB_PRIORITY.high });
      const jobs = (await queue.claim(10, 60_000)).jobs.map((job) => job.payload);
      expect(jobs).toEqual(['first', 'old', 'storm']);
    } finally {
      await queue.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
