import type { DatabaseSync } from 'node:sqlite';
import {
  type Claimed,
  type DeadJob,
  type EnqueueResult,
  JOB_PRIORITY,
  type Job,
  type KindStats,
  type NewJob,
  type QueueStats,
} from './job-queue.ts';
import { prepareQueueStatements } from './prepare-queue-statements.ts';
import { migrateQueueSchema } from './sqlite-queue-schema.ts';

interface JobRow {
  id: number;
  kind: string;
  payload: string;
  attempts: number;
  created_at: number;
  last_error: string | null;
}

interface DueRow {
  id: number;
  kind: string;
  dedupe_keys: string | null;
}

interface KindStatsRow {
  kind: string;
  waiting: number;
  running: number;
  dead: number;
  owed_since: number | null;
}

export type SqliteQueueCore = ReturnType<typeof createSqliteQueueCore>;

/**
 * With at least this many jobs due, every other claim takes the newest due jobs of the highest
 * priority first (adaptive LIFO): during a storm of hundreds of alerts, one that arrives now is
 * handled in seconds rather than after the whole backlog, which the other claims keep draining
 * oldest first. Below it the queue is first in, first out.
 */
export const BACKLOG_FOR_NEWEST_FIRST = 100;

/** The embedded queue's synchronous operations on one SQLite connection. */
export function createSqliteQueueCore(db: DatabaseSync, ownerPid: number) {
  migrateQueueSchema(db);
  const sql = prepareQueueStatements(db);
  // Alternates between claims while a backlog lasts (BACKLOG_FOR_NEWEST_FIRST).
  let newestTurn = false;

  /** The earlier job that carried one of these keys, or undefined (and the keys are now this job's). */
  const firstCarrier = (row: DueRow, now: number): number | undefined => {
    const keys = row.dedupe_keys ? (JSON.parse(row.dedupe_keys) as string[]) : [];
    for (const key of keys) {
      const seen = sql.findKey.get(key) as { job_id: number } | undefined;
      if (seen && seen.job_id !== row.id) return seen.job_id;
    }
    for (const key of keys) sql.upsertKey.run(key, row.id, now);
    return undefined;
  };

  return {
    /** New jobs are what a 202 promised: one transaction per batch, committed with fsync. */
    enqueueBatch: (jobs: readonly { job: NewJob; now: number }[]): EnqueueResult[] =>
      transaction(db, 'FULL', () =>
        jobs.map(({ job, now }) => {
          const keys =
            job.dedupeKeys && job.dedupeKeys.length > 0 ? JSON.stringify([...new Set(job.dedupeKeys)]) : null;
          const priority = job.priority ?? JOB_PRIORITY.normal;
          const runAt = job.runAt ?? now;
          const { id } = sql.insertJob.get(job.kind, job.payload, runAt, now, keys, priority) as {
            id: number;
          };
          return { jobId: String(id) };
        }),
      ),
    claim: (limit: number, leaseMs: number, now: number): Claimed =>
      transaction(db, 'NORMAL', () => {
        const claimed: Claimed = { jobs: [], duplicates: [] };
        newestTurn = !newestTurn;
        const newest = newestTurn && sql.backlog.get(now, now, BACKLOG_FOR_NEWEST_FIRST - 1) !== undefined;
        const due = newest ? sql.dueNewest : sql.due;
        for (const row of due.all(now, now, limit) as unknown as DueRow[]) {
          const original = firstCarrier(row, now);
          if (original === undefined) {
            claimed.jobs.push(toJob(sql.lease.get(now + leaseMs, ownerPid, row.id) as unknown as JobRow));
          } else {
            sql.complete.run(row.id);
            claimed.duplicates.push({ id: String(row.id), kind: row.kind, duplicateOf: String(original) });
          }
        }
        return claimed;
      }),
    complete: (jobId: string): void => {
      transaction(db, 'NORMAL', () => sql.complete.run(Number(jobId)));
    },
    extendLease: (jobId: string, leaseUntil: number): void => {
      transaction(db, 'NORMAL', () => sql.extendLease.run(leaseUntil, Number(jobId)));
    },
    retry: (jobId: string, runAt: number, error: string, waitingFor?: string): void => {
      transaction(db, 'NORMAL', () => sql.retry.run(runAt, error, waitingFor ?? null, Number(jobId)));
    },
    wake: (waitingFor: string, now: number): number =>
      transaction(db, 'NORMAL', () => Number(sql.wake.run(now, now, waitingFor, now).changes)),
    bury: (jobId: string, error: string): void => {
      transaction(db, 'NORMAL', () => sql.bury.run(error, Number(jobId)));
    },
    nextDueAt: (): number | undefined =>
      (sql.nextDue.get() as { at: number | null } | undefined)?.at ?? undefined,
    stats: (now: number): QueueStats => {
      const row = sql.stats.get(now) as Record<keyof QueueStats, number | null>;
      return { pending: row.pending ?? 0, running: row.running ?? 0, dead: row.dead ?? 0 };
    },
    statsByKind: (now: number): KindStats[] =>
      (sql.statsByKind.all(now, now, now) as unknown as KindStatsRow[]).map((row) => ({
        kind: row.kind,
        waiting: row.waiting,
        running: row.running,
        dead: row.dead,
        oldestAgeMs: row.owed_since === null ? 0 : Math.max(0, now - row.owed_since),
      })),
    deadLetters: (limit: number): DeadJob[] =>
      (sql.dead.all(limit) as unknown as JobRow[]).map((row) => ({
        ...toJob(row),
        lastError: row.last_error ?? '',
      })),
    retryDead: (jobId: string, now: number): boolean =>
      transaction(db, 'NORMAL', () => Number(sql.retryDead.run(now, rowId(jobId)).changes) > 0),
    retryAllDead: (now: number): number =>
      transaction(db, 'NORMAL', () => Number(sql.retryAllDead.run(now).changes)),
    dropDead: (jobId: string): boolean =>
      transaction(db, 'NORMAL', () => Number(sql.dropDead.run(rowId(jobId)).changes) > 0),
    pruneDedupe: (beforeMs: number): number => Number(sql.prune.run(beforeMs).changes),
    ping: (): void => {
      sql.ping.get();
    },
  };
}

/**
 * Bookkeeping (leases, completions, retries, dedupe keys) commits without fsync: losing one to a
 * power cut only means that a job runs again. New jobs are committed with fsync.
 */
function transaction<T>(db: DatabaseSync, synchronous: 'FULL' | 'NORMAL', work: () => T): T {
  db.exec(`PRAGMA synchronous=${synchronous}`);
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/** An operator's id as a row id; anything but digits names no row (-1). */
function rowId(jobId: string): number {
  return /^[0-9]{1,15}$/.test(jobId) ? Number(jobId) : -1;
}

function toJob(row: JobRow): Job {
  return {
    id: String(row.id),
    kind: row.kind,
    payload: row.payload,
    attempts: row.attempts,
    createdAt: row.created_at,
  };
}
