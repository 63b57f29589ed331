import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type { Clock } from '../clock.ts';
import { BotError } from '../errors.ts';
import { createGroupCommit } from './group-commit.ts';
import type { DeadJob, EnqueueResult, Job, JobQueue, NewJob, QueueStats } from './job-queue.ts';
import { migrateQueueSchema } from './sqlite-queue-schema.ts';

export interface SqliteQueueOptions {
  db: DatabaseSync;
  clock: Clock;
  /** Closes the database with the queue (when the queue opened it). */
  ownsDb?: boolean;
  /** Id of this process in leases (the pid: the embedded database is a local file, one host). */
  ownerPid?: number;
  /** Whether a lease owner is still running; its leases are released at start when it is not. */
  isAlive?: (pid: number) => boolean;
}

interface JobRow {
  id: string;
  kind: string;
  payload: string;
  attempts: number;
  created_at: number;
  last_error: string | null;
}

/** The embedded durable queue: jobs live in SQLite next to the rest of the embedded store. */
export function createSqliteQueue(options: SqliteQueueOptions): JobQueue {
  const { db, clock } = options;
  migrateQueueSchema(db);
  const sql = {
    findKey: db.prepare('SELECT job_id FROM queue_dedupe WHERE key = ?'),
    insertKey: db.prepare('INSERT INTO queue_dedupe (key, job_id, created_at) VALUES (?, ?, ?)'),
    insertJob: db.prepare(
      `INSERT INTO queue_jobs (id, kind, payload, state, attempts, run_at, created_at)
       VALUES (?, ?, ?, 'pending', 0, ?, ?)`,
    ),
    due: db.prepare(
      `SELECT id FROM queue_jobs WHERE state = 'pending' AND run_at <= ?
       AND (lease_until IS NULL OR lease_until <= ?) ORDER BY run_at, created_at LIMIT ?`,
    ),
    lease: db.prepare(
      `UPDATE queue_jobs SET lease_until = ?, lease_owner = ?, attempts = attempts + 1 WHERE id = ?
       RETURNING id, kind, payload, attempts, created_at, last_error`,
    ),
    complete: db.prepare('DELETE FROM queue_jobs WHERE id = ?'),
    retry: db.prepare('UPDATE queue_jobs SET run_at = ?, lease_until = NULL, last_error = ? WHERE id = ?'),
    bury: db.prepare(`UPDATE queue_jobs SET state = 'dead', lease_until = NULL, last_error = ? WHERE id = ?`),
    nextDue: db.prepare(
      `SELECT MIN(MAX(run_at, COALESCE(lease_until, 0))) AS at FROM queue_jobs WHERE state = 'pending'`,
    ),
    stats: db.prepare(
      `SELECT
         SUM(CASE WHEN state = 'pending' THEN 1 ELSE 0 END) AS pending,
         SUM(CASE WHEN state = 'pending' AND lease_until > ? THEN 1 ELSE 0 END) AS running,
         SUM(CASE WHEN state = 'dead' THEN 1 ELSE 0 END) AS dead
       FROM queue_jobs`,
    ),
    dead: db.prepare(
      `SELECT id, kind, payload, attempts, created_at, last_error FROM queue_jobs
       WHERE state = 'dead' ORDER BY created_at DESC LIMIT ?`,
    ),
    prune: db.prepare('DELETE FROM queue_dedupe WHERE created_at < ?'),
  };
  let closed = false;
  const ownerPid = options.ownerPid ?? process.pid;
  releaseAbandonedLeases(db, clock.now(), ownerPid, options.isAlive ?? isProcessAlive);

  const insertOne = (job: NewJob): EnqueueResult => {
    for (const key of job.dedupeKeys ?? []) {
      const seen = sql.findKey.get(key) as { job_id: string } | undefined;
      if (seen) return { status: 'duplicate', jobId: seen.job_id };
    }
    const id = randomUUID();
    const now = clock.now();
    sql.insertJob.run(id, job.kind, job.payload, job.runAt ?? now, now);
    for (const key of new Set(job.dedupeKeys ?? [])) sql.insertKey.run(key, id, now);
    return { status: 'queued', jobId: id };
  };
  const groupCommit = createGroupCommit({ db, apply: insertOne });

  const inTransaction = <T>(work: () => T): T => {
    if (closed) throw new BotError('shutting_down', { message: 'the queue is closed' });
    db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      db.exec('COMMIT');
      return result;
    } catch (error) {
      db.exec('ROLLBACK');
      throw new BotError('store_unavailable', { message: 'queue write failed', cause: error });
    }
  };

  return {
    enqueue: (job) => {
      if (closed) return Promise.reject(new BotError('shutting_down', { message: 'the queue is closed' }));
      return groupCommit.submit(job);
    },
    claim: async (limit, leaseMs) =>
      inTransaction(() => {
        const now = clock.now();
        const ids = sql.due.all(now, now, limit) as unknown as { id: string }[];
        return ids.map(({ id }) => toJob(sql.lease.get(now + leaseMs, ownerPid, id) as unknown as JobRow));
      }),
    complete: async (jobId) => {
      inTransaction(() => sql.complete.run(jobId));
    },
    retry: async (jobId, { runAt, error }) => {
      inTransaction(() => sql.retry.run(runAt, error, jobId));
    },
    bury: async (jobId, error) => {
      inTransaction(() => sql.bury.run(error, jobId));
    },
    nextDueAt: async () => {
      const row = sql.nextDue.get() as { at: number | null } | undefined;
      return row?.at ?? undefined;
    },
    stats: async (): Promise<QueueStats> => {
      const row = sql.stats.get(clock.now()) as Record<keyof QueueStats, number | null>;
      return { pending: row.pending ?? 0, running: row.running ?? 0, dead: row.dead ?? 0 };
    },
    deadLetters: async (limit): Promise<DeadJob[]> =>
      (sql.dead.all(limit) as unknown as JobRow[]).map((row) => ({
        ...toJob(row),
        lastError: row.last_error ?? '',
      })),
    pruneDedupe: async (beforeMs) => Number(sql.prune.run(beforeMs).changes),
    ping: async () => {
      db.prepare('SELECT 1').get();
    },
    close: async () => {
      if (closed) return;
      await groupCommit.flushNow();
      closed = true;
      if (options.ownsDb) db.close();
    },
  };
}

function toJob(row: JobRow): Job {
  return {
    id: row.id,
    kind: row.kind,
    payload: row.payload,
    attempts: row.attempts,
    createdAt: row.created_at,
  };
}

/**
 * After a crash, the jobs the dead process was running would wait for their lease to run out;
 * release them now when their owner is gone, so a restart picks them up at once.
 */
function releaseAbandonedLeases(
  db: DatabaseSync,
  now: number,
  self: number,
  isAlive: (pid: number) => boolean,
): void {
  const owners = db
    .prepare(
      `SELECT DISTINCT lease_owner AS pid FROM queue_jobs WHERE lease_until > ? AND lease_owner IS NOT NULL`,
    )
    .all(now) as { pid: number }[];
  const release = db.prepare(
    'UPDATE queue_jobs SET lease_until = NULL WHERE lease_owner = ? AND lease_until > ?',
  );
  for (const { pid } of owners) {
    if (pid !== self && !isAlive(pid)) release.run(pid, now);
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
