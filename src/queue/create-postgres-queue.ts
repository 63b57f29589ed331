import { Pool, type PoolClient } from 'pg';
import { type Clock, systemClock } from '../clock.ts';
import { BotError, isBotError } from '../errors.ts';
import { withPoolClient } from './check-out-pg-client.ts';
import {
  type Claimed,
  type DeadJob,
  JOB_PRIORITY,
  type Job,
  type JobQueue,
  type KindStats,
} from './job-queue.ts';
import { isQueueSchemaName, migratePostgresQueueSchema } from './postgres-queue-schema.ts';
import { postgresQueueStatements } from './postgres-queue-statements.ts';
import { sortOutDuplicates } from './sort-out-duplicates.ts';

export interface PostgresQueueOptions {
  /** postgres://… of the database every replica shares. */
  url: string;
  /** Schema holding the queue's tables, created if missing (a plain lower-case identifier). */
  schema?: string;
  /** Source of `now` for due times and leases; every replica should agree on it (NTP). */
  clock?: Clock;
  /** Connections kept by this replica; a claim holds one for its transaction. */
  maxConnections?: number;
  connectTimeoutMs?: number;
  /** Names this replica's connections in pg_stat_activity. */
  applicationName?: string;
  /** An idle pooled connection that fails is reported here (the pool replaces it). */
  onError?: (error: unknown) => void;
}

interface JobRow {
  id: string;
  kind: string;
  payload: string;
  attempts: number;
  created_at: string;
  last_error?: string | null;
}

interface DueRow {
  id: string;
  kind: string;
  dedupe_keys: string[] | null;
}

interface KindStatsRow {
  kind: string;
  waiting: string;
  running: string;
  dead: string;
  owed_since: string | null;
}

/**
 * The durable work queue on PostgreSQL, shared by several replicas: each claim takes due rows with
 * `FOR UPDATE SKIP LOCKED`, so two replicas never lease the same job and never wait on each other.
 * The semantics are the embedded queue's (sqlite-queue-core.ts): leases that run out, dedupe keys
 * checked when a job comes up, priorities, retries that wait for a named dependency.
 */
export async function createPostgresQueue(options: PostgresQueueOptions): Promise<JobQueue> {
  const schema = options.schema ?? 'chatops_queue';
  if (!isQueueSchemaName(schema))
    throw new BotError('config_invalid', { message: `queue schema "${schema}" is not a plain identifier` });
  const clock = options.clock ?? systemClock;
  const sql = postgresQueueStatements(schema);
  const pool = new Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 4,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    application_name: options.applicationName ?? 'sekoia-chatops-queue',
  });
  const onError = options.onError ?? (() => {});
  // Without a listener, an idle connection dropped by the server would crash the process.
  pool.on('error', onError);
  let closed = false;

  /** Runs one piece of work on the database; its failures become the store's coded error. */
  const run = async <T>(work: () => Promise<T>): Promise<T> => {
    if (closed) throw new BotError('shutting_down', { message: 'the queue is closed' });
    try {
      return await work();
    } catch (error) {
      if (isBotError(error)) throw error;
      throw new BotError('store_unavailable', { message: 'the PostgreSQL queue failed', cause: error });
    }
  };
  const query = <R>(text: string, values: unknown[] = []) => run(() => pool.query<R>(text, values));

  const transaction = <T>(work: (client: PoolClient) => Promise<T>): Promise<T> =>
    run(() =>
      withPoolClient(pool, onError, async (client) => {
        try {
          await client.query('BEGIN');
          const result = await work(client);
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {});
          throw error;
        }
      }),
    );

  try {
    await withPoolClient(pool, onError, (client) => migratePostgresQueueSchema(client, schema));
  } catch (error) {
    await pool.end().catch(() => {});
    throw new BotError('store_unavailable', { message: 'cannot prepare the PostgreSQL queue', cause: error });
  }

  /** Drops the due jobs whose keys an earlier job carried; the others' keys become theirs. */
  const sortOut = async (client: PoolClient, rows: DueRow[], now: number) => {
    const due = rows.map((row) => ({
      id: String(row.id),
      kind: row.kind,
      dedupeKeys: row.dedupe_keys ?? [],
    }));
    const keys = [...new Set(due.flatMap((job) => job.dedupeKeys))];
    if (keys.length === 0) return sortOutDuplicates(due, new Map());
    await client.query(sql.dedupeTurn, [`sekoia-chatops-queue-dedupe:${schema}`]);
    const seen = await client.query<{ key: string; job_id: string }>(sql.carriers, [keys]);
    const sorted = sortOutDuplicates(due, new Map(seen.rows.map((row) => [row.key, String(row.job_id)])));
    if (sorted.carried.length > 0)
      await client.query(sql.carryKeys, [
        sorted.carried.map((carried) => carried.key),
        sorted.carried.map((carried) => carried.jobId),
        now,
      ]);
    return sorted;
  };

  return {
    // One INSERT, committed (synchronous_commit) before the promise resolves: what a 202 promised.
    enqueue: async (job) => {
      const now = clock.now();
      const keys = job.dedupeKeys && job.dedupeKeys.length > 0 ? [...new Set(job.dedupeKeys)] : null;
      const { rows } = await query<{ id: string }>(sql.insertJob, [
        job.kind,
        job.payload,
        job.runAt ?? now,
        now,
        keys,
        job.priority ?? JOB_PRIORITY.normal,
      ]);
      return { jobId: String(rows[0]?.id) };
    },
    claim: (limit, leaseMs) =>
      transaction(async (client): Promise<Claimed> => {
        const now = clock.now();
        const claimed: Claimed = { jobs: [], duplicates: [] };
        const due = await client.query<DueRow>(sql.due, [now, limit]);
        const { fresh, duplicates } = await sortOut(client, due.rows, now);
        const leased = fresh.map((job) => job.id);
        const dropped = duplicates.map(({ job }) => job.id);
        for (const { job, duplicateOf } of duplicates)
          claimed.duplicates.push({ id: job.id, kind: job.kind, duplicateOf });
        if (dropped.length > 0) await client.query(sql.deleteJobs, [dropped]);
        if (leased.length > 0) {
          const { rows } = await client.query<JobRow>(sql.lease, [now + leaseMs, leased]);
          // RETURNING has no order: hand jobs out in claim order (priority, then due time).
          const byId = new Map(rows.map((row) => [String(row.id), toJob(row)]));
          for (const id of leased) {
            const job = byId.get(id);
            if (job) claimed.jobs.push(job);
          }
        }
        return claimed;
      }),
    extendLease: async (jobId, leaseMs) => {
      await query(sql.extendLease, [jobId, clock.now() + leaseMs]);
    },
    complete: async (jobId) => {
      await query(sql.complete, [jobId]);
    },
    retry: async (jobId, { runAt, error, waitingFor }) => {
      await query(sql.retry, [runAt, error, waitingFor ?? null, jobId]);
    },
    wake: async (waitingFor) => (await query(sql.wake, [clock.now(), waitingFor])).rowCount ?? 0,
    bury: async (jobId, error) => {
      await query(sql.bury, [error, jobId]);
    },
    nextDueAt: async () => {
      const { rows } = await query<{ at: string | null }>(sql.nextDue);
      const at = rows[0]?.at;
      return at === null || at === undefined ? undefined : Number(at);
    },
    stats: async () => {
      const { rows } = await query<{ pending: string; running: string; dead: string }>(sql.stats, [
        clock.now(),
      ]);
      const row = rows[0];
      return {
        pending: Number(row?.pending ?? 0),
        running: Number(row?.running ?? 0),
        dead: Number(row?.dead ?? 0),
      };
    },
    statsByKind: async () => {
      const now = clock.now();
      const { rows } = await query<KindStatsRow>(sql.statsByKind, [now]);
      return rows.map(
        (row): KindStats => ({
          kind: row.kind,
          waiting: Number(row.waiting),
          running: Number(row.running),
          dead: Number(row.dead),
          oldestAgeMs: row.owed_since === null ? 0 : Math.max(0, now - Number(row.owed_since)),
        }),
      );
    },
    deadLetters: async (limit) => {
      const { rows } = await query<JobRow>(sql.dead, [limit]);
      return rows.map((row): DeadJob => ({ ...toJob(row), lastError: row.last_error ?? '' }));
    },
    retryDead: async (jobId) =>
      isJobId(jobId) && ((await query(sql.retryDead, [clock.now(), jobId])).rowCount ?? 0) > 0,
    retryAllDead: async () => (await query(sql.retryAllDead, [clock.now()])).rowCount ?? 0,
    dropDead: async (jobId) => isJobId(jobId) && ((await query(sql.dropDead, [jobId])).rowCount ?? 0) > 0,
    pruneDedupe: async (beforeMs) => (await query(sql.prune, [beforeMs])).rowCount ?? 0,
    ping: async () => {
      await query(sql.ping);
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

/** Ids are bigints: anything else (an operator's typo) names no job, rather than a query error. */
function isJobId(jobId: string): boolean {
  return /^[0-9]{1,18}$/.test(jobId);
}

function toJob(row: JobRow): Job {
  return {
    id: String(row.id),
    kind: row.kind,
    payload: row.payload,
    attempts: row.attempts,
    createdAt: Number(row.created_at),
  };
}
