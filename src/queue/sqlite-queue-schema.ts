import type { DatabaseSync } from 'node:sqlite';

/** Creates the queue's tables in the embedded database if they are not there yet. */
export function migrateQueueSchema(db: DatabaseSync): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS queue_jobs (
      -- Sequential ids append to the table instead of touching a random page per insert;
      -- AUTOINCREMENT never reuses one (ids also name events in dedupe keys and logs).
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      kind TEXT NOT NULL,
      payload TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('pending', 'dead')),
      attempts INTEGER NOT NULL DEFAULT 0,
      run_at INTEGER NOT NULL,
      lease_until INTEGER,
      lease_owner INTEGER,
      created_at INTEGER NOT NULL,
      last_error TEXT,
      -- Checked when the job comes up, not when it is stored: the durable write of a WebHook then
      -- only appends, instead of touching a random index page per key.
      dedupe_keys TEXT,
      -- The dependency a retried job waits for ('sekoia', 'platform:mattermost'…), see wake().
      waiting_for TEXT,
      -- Claim order among due jobs, lower first (JOB_PRIORITY in job-queue.ts).
      priority INTEGER NOT NULL DEFAULT 2
    );
    CREATE INDEX IF NOT EXISTS queue_jobs_due ON queue_jobs (state, run_at);
    CREATE TABLE IF NOT EXISTS queue_dedupe (
      key TEXT PRIMARY KEY,
      job_id INTEGER NOT NULL,
      created_at INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS queue_dedupe_age ON queue_dedupe (created_at);
  `);
  // Queues written before waiting_for existed gain the column (NULL: waiting for nothing named).
  const columns = db.prepare('PRAGMA table_info(queue_jobs)').all() as { name: string }[];
  if (!columns.some((column) => column.name === 'waiting_for'))
    db.exec('ALTER TABLE queue_jobs ADD COLUMN waiting_for TEXT');
  // …and priority (2: normal), before its index is created.
  if (!columns.some((column) => column.name === 'priority'))
    db.exec('ALTER TABLE queue_jobs ADD COLUMN priority INTEGER NOT NULL DEFAULT 2');
  // The claim walks due jobs in (priority, run_at) order: a few priorities, each in time order.
  db.exec('CREATE INDEX IF NOT EXISTS queue_jobs_claim ON queue_jobs (state, priority, run_at, id)');
}
