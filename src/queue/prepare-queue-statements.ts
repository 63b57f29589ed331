import type { DatabaseSync } from 'node:sqlite';

/** Every statement of the embedded queue, prepared once. */
export function prepareQueueStatements(db: DatabaseSync) {
  return {
    findKey: db.prepare('SELECT job_id FROM queue_dedupe WHERE key = ?'),
    upsertKey: db.prepare('INSERT OR REPLACE INTO queue_dedupe (key, job_id, created_at) VALUES (?, ?, ?)'),
    insertJob: db.prepare(
      `INSERT INTO queue_jobs (kind, payload, state, attempts, run_at, created_at, dedupe_keys, priority)
     VALUES (?, ?, 'pending', 0, ?, ?, ?, ?) RETURNING id`,
    ),
    due: db.prepare(
      `SELECT id, kind, dedupe_keys FROM queue_jobs WHERE state = 'pending' AND run_at <= ?
     AND (lease_until IS NULL OR lease_until <= ?) ORDER BY priority, run_at, id LIMIT ?`,
    ),
    // The same, newest first within a priority (see BACKLOG_FOR_NEWEST_FIRST).
    dueNewest: db.prepare(
      `SELECT id, kind, dedupe_keys FROM queue_jobs WHERE state = 'pending' AND run_at <= ?
     AND (lease_until IS NULL OR lease_until <= ?) ORDER BY priority, run_at DESC, id DESC LIMIT ?`,
    ),
    // Whether at least OFFSET + 1 jobs are due: a walk of the index that stops there, not a count.
    backlog: db.prepare(
      `SELECT 1 AS due FROM queue_jobs WHERE state = 'pending' AND run_at <= ?
     AND (lease_until IS NULL OR lease_until <= ?) ORDER BY priority, run_at, id LIMIT 1 OFFSET ?`,
    ),
    lease: db.prepare(
      `UPDATE queue_jobs SET lease_until = ?, lease_owner = ?, attempts = attempts + 1 WHERE id = ?
     RETURNING id, kind, payload, attempts, created_at, last_error`,
    ),
    complete: db.prepare('DELETE FROM queue_jobs WHERE id = ?'),
    extendLease: db.prepare(
      `UPDATE queue_jobs SET lease_until = ? WHERE id = ? AND state = 'pending' AND lease_until IS NOT NULL`,
    ),
    retry: db.prepare(
      'UPDATE queue_jobs SET run_at = ?, lease_until = NULL, last_error = ?, waiting_for = ? WHERE id = ?',
    ),
    // A job in flight (leased) is left alone: its own outcome decides what comes next.
    wake: db.prepare(
      `UPDATE queue_jobs SET run_at = MIN(run_at, ?), waiting_for = NULL WHERE state = 'pending'
     AND run_at > ? AND waiting_for = ? AND (lease_until IS NULL OR lease_until <= ?)`,
    ),
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
    // One pass over the table, like `stats`; a never-tried job is owed from its due time (run_at is
    // only moved by a retry, after a try), a tried one from its creation.
    statsByKind: db.prepare(
      `SELECT kind,
       SUM(CASE WHEN state = 'pending' AND (lease_until IS NULL OR lease_until <= ?) THEN 1 ELSE 0 END) AS waiting,
       SUM(CASE WHEN state = 'pending' AND lease_until > ? THEN 1 ELSE 0 END) AS running,
       SUM(CASE WHEN state = 'dead' THEN 1 ELSE 0 END) AS dead,
       MIN(CASE WHEN state = 'pending' AND attempts > 0 THEN created_at
                WHEN state = 'pending' AND run_at <= ? THEN run_at END) AS owed_since
     FROM queue_jobs GROUP BY kind ORDER BY kind`,
    ),
    dead: db.prepare(
      `SELECT id, kind, payload, attempts, created_at, last_error FROM queue_jobs
     WHERE state = 'dead' ORDER BY created_at DESC LIMIT ?`,
    ),
    // An operator's retry: waiting again, due now, as if never tried.
    retryDead: db.prepare(
      `UPDATE queue_jobs SET state = 'pending', attempts = 0, run_at = ?, lease_until = NULL,
     lease_owner = NULL, waiting_for = NULL WHERE id = ? AND state = 'dead'`,
    ),
    retryAllDead: db.prepare(
      `UPDATE queue_jobs SET state = 'pending', attempts = 0, run_at = ?, lease_until = NULL,
     lease_owner = NULL, waiting_for = NULL WHERE state = 'dead'`,
    ),
    dropDead: db.prepare(`DELETE FROM queue_jobs WHERE id = ? AND state = 'dead'`),
    ping: db.prepare('SELECT 1'),
    prune: db.prepare('DELETE FROM queue_dedupe WHERE created_at < ?'),
  };
}
