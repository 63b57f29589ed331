/** Every statement of the PostgreSQL queue, for the tables of one schema. */
export function postgresQueueStatements(schema: string) {
  const jobs = `${schema}.queue_jobs`;
  const dedupe = `${schema}.queue_dedupe`;
  const due = `state = 'pending' AND run_at <= $1 AND (lease_until IS NULL OR lease_until <= $1)`;
  return {
    insertJob: `INSERT INTO ${jobs} (kind, payload, state, attempts, run_at, created_at, dedupe_keys, priority)
      VALUES ($1, $2, 'pending', 0, $3, $4, $5, $6) RETURNING id`,
    // SKIP LOCKED: replicas claiming at once each take other rows instead of waiting on each other.
    due: `SELECT id, kind, dedupe_keys FROM ${jobs} WHERE ${due}
      ORDER BY priority, run_at, id LIMIT $2 FOR UPDATE SKIP LOCKED`,
    // Claims that meet keys take their turn, from reading the remembered keys to their commit:
    // a concurrent claim of a job sharing a key then sees this one's outcome, so exactly one runs.
    dedupeTurn: 'SELECT pg_advisory_xact_lock(hashtext($1))',
    carriers: `SELECT key, job_id FROM ${dedupe} WHERE key = ANY($1::text[])`,
    // A job's own key (a retry) is refreshed, like the embedded queue's INSERT OR REPLACE.
    carryKeys: `INSERT INTO ${dedupe} (key, job_id, created_at)
      SELECT unnest($1::text[]), unnest($2::bigint[]), $3
      ON CONFLICT (key) DO UPDATE SET created_at = EXCLUDED.created_at
      WHERE ${dedupe}.job_id = EXCLUDED.job_id`,
    lease: `UPDATE ${jobs} SET lease_until = $1, attempts = attempts + 1 WHERE id = ANY($2::bigint[])
      RETURNING id, kind, payload, attempts, created_at, run_at, priority`,
    deleteJobs: `DELETE FROM ${jobs} WHERE id = ANY($1::bigint[])`,
    complete: `DELETE FROM ${jobs} WHERE id = $1`,
    extendLease: `UPDATE ${jobs} SET lease_until = $2 WHERE id = $1 AND state = 'pending' AND lease_until IS NOT NULL`,
    retry: `UPDATE ${jobs} SET run_at = $1, lease_until = NULL, last_error = $2, waiting_for = $3
      WHERE id = $4 AND state = 'pending'`,
    // A job in flight (leased) is left alone: its own outcome decides what comes next.
    wake: `UPDATE ${jobs} SET run_at = LEAST(run_at, $1), waiting_for = NULL WHERE state = 'pending'
      AND run_at > $1 AND waiting_for = $2 AND (lease_until IS NULL OR lease_until <= $1)`,
    bury: `UPDATE ${jobs} SET state = 'dead', lease_until = NULL, last_error = $1 WHERE id = $2`,
    nextDue: `SELECT MIN(GREATEST(run_at, COALESCE(lease_until, 0))) AS at FROM ${jobs}
      WHERE state = 'pending'`,
    stats: `SELECT
        COUNT(*) FILTER (WHERE state = 'pending') AS pending,
        COUNT(*) FILTER (WHERE state = 'pending' AND lease_until > $1) AS running,
        COUNT(*) FILTER (WHERE state = 'dead') AS dead
      FROM ${jobs}`,
    // A never-tried job is owed from its due time (run_at only moves on a retry, after a try), a
    // tried one from its creation: the same rule as the embedded queue.
    statsByKind: `SELECT kind,
        COUNT(*) FILTER (WHERE state = 'pending' AND (lease_until IS NULL OR lease_until <= $1)) AS waiting,
        COUNT(*) FILTER (WHERE state = 'pending' AND lease_until > $1) AS running,
        COUNT(*) FILTER (WHERE state = 'dead') AS dead,
        MIN(CASE WHEN state = 'pending' AND attempts > 0 THEN created_at
                 WHEN state = 'pending' AND run_at <= $1 THEN run_at END) AS owed_since
      FROM ${jobs} GROUP BY kind ORDER BY kind`,
    dead: `SELECT id, kind, payload, attempts, created_at, last_error FROM ${jobs}
      WHERE state = 'dead' ORDER BY created_at DESC, id DESC LIMIT $1`,
    // An operator's retry: waiting again, due now, as if never tried.
    retryDead: `UPDATE ${jobs} SET state = 'pending', attempts = 0, run_at = $1, lease_until = NULL,
      waiting_for = NULL WHERE id = $2 AND state = 'dead'`,
    retryAllDead: `UPDATE ${jobs} SET state = 'pending', attempts = 0, run_at = $1, lease_until = NULL,
      waiting_for = NULL WHERE state = 'dead'`,
    dropDead: `DELETE FROM ${jobs} WHERE id = $1 AND state = 'dead'`,
    prune: `DELETE FROM ${dedupe} WHERE created_at < $1`,
    ping: 'SELECT 1',
  };
}
