import type { PoolClient } from 'pg';

/** A schema name is spliced into SQL text, so it must be a plain identifier. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function isQueueSchemaName(name: string): boolean {
  return SCHEMA_NAME.test(name);
}

/** Every table and index the statements below create, each checked by name at start. */
const QUEUE_RELATIONS = [
  'queue_jobs',
  'queue_jobs_claim',
  'queue_jobs_waiting',
  'queue_jobs_dead',
  'queue_dedupe',
  'queue_dedupe_age',
] as const;

async function isComplete(client: PoolClient, schema: string): Promise<boolean> {
  const { rows } = await client.query<{ present: number }>(
    'SELECT count(*)::int AS present FROM unnest($1::text[]) AS name WHERE to_regclass(name) IS NOT NULL',
    [QUEUE_RELATIONS.map((name) => `${schema}.${name}`)],
  );
  return rows[0]?.present === QUEUE_RELATIONS.length;
}

/**
 * Creates the queue's schema and tables if they are not there yet. Replicas start together: an
 * advisory lock taken for the transaction serialises them, since concurrent `CREATE … IF NOT
 * EXISTS` statements can still collide on PostgreSQL's catalog.
 *
 * When everything is there (a replica starting while the others work), nothing is run: even
 * `CREATE INDEX IF NOT EXISTS` locks its table against writes before it finds the index, and two
 * of them in one transaction deadlock with the others' claims, which write both tables.
 */
export async function migratePostgresQueueSchema(client: PoolClient, schema: string): Promise<void> {
  if (await isComplete(client, schema)) return;
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`sekoia-chatops-queue:${schema}`]);
    await client.query(`
      CREATE SCHEMA IF NOT EXISTS ${schema};
      CREATE TABLE IF NOT EXISTS ${schema}.queue_jobs (
        -- Sequential ids name jobs in dedupe keys and logs, as in the embedded queue.
        id BIGSERIAL PRIMARY KEY,
        kind TEXT NOT NULL,
        payload TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'dead')),
        attempts INTEGER NOT NULL DEFAULT 0,
        -- Times are epoch milliseconds from the callers' clock, like the port's runAt.
        run_at BIGINT NOT NULL,
        lease_until BIGINT,
        created_at BIGINT NOT NULL,
        last_error TEXT,
        -- Checked when the job comes up, not when it is stored (see claim).
        dedupe_keys TEXT[],
        -- The dependency a retried job waits for ('sekoia', 'platform:mattermost'…), see wake().
        waiting_for TEXT,
        -- Claim order among due jobs, lower first (JOB_PRIORITY in job-queue.ts).
        priority SMALLINT NOT NULL DEFAULT 2
      );
      -- The claim walks pending jobs in (priority, run_at, id) order.
      CREATE INDEX IF NOT EXISTS queue_jobs_claim ON ${schema}.queue_jobs (priority, run_at, id)
        WHERE state = 'pending';
      CREATE INDEX IF NOT EXISTS queue_jobs_waiting ON ${schema}.queue_jobs (waiting_for)
        WHERE waiting_for IS NOT NULL;
      CREATE INDEX IF NOT EXISTS queue_jobs_dead ON ${schema}.queue_jobs (created_at)
        WHERE state = 'dead';
      CREATE TABLE IF NOT EXISTS ${schema}.queue_dedupe (
        key TEXT PRIMARY KEY,
        job_id BIGINT NOT NULL,
        created_at BIGINT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS queue_dedupe_age ON ${schema}.queue_dedupe (created_at);
    `);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}
