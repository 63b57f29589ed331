import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isBotError } from '../../src/errors.ts';
import { createPostgresQueue, type PostgresQueueOptions } from '../../src/queue/create-postgres-queue.ts';
import { JOB_PRIORITY, type JobQueue } from '../../src/queue/job-queue.ts';

// A real PostgreSQL server with trust auth (override with TEST_POSTGRES_URL), real time: delays
// stay in the tens of milliseconds. Each test gets a schema of its own, dropped after.
const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const LEASE_MS = 60_000;

describe('PostgreSQL queue', () => {
  let admin: Client;
  let schema: string;
  const opened: JobQueue[] = [];
  let queue: JobQueue;

  const open = async (extra: Partial<PostgresQueueOptions> = {}) => {
    const q = await createPostgresQueue({ url: POSTGRES_URL, schema, ...extra });
    opened.push(q);
    return q;
  };
  const claim = async (limit = 10, q = queue) => (await q.claim(limit, LEASE_MS)).jobs;

  beforeAll(async () => {
    admin = new Client({ connectionString: POSTGRES_URL });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.end();
  });
  beforeEach(async () => {
    schema = `queue_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    queue = await open();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((q) => q.close()));
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  });

  it('hands out a stored job once, counts the attempt, and forgets it when completed', async () => {
    const { jobId } = await queue.enqueue({ kind: 'event', payload: '{"n":1}' });
    const [job] = await claim();
    expect(job).toMatchObject({ id: jobId, kind: 'event', payload: '{"n":1}', attempts: 1 });
    expect(job?.createdAt).toBeGreaterThan(Date.now() - 5_000);
    expect(await claim()).toEqual([]);
    expect(await queue.stats()).toEqual({ pending: 1, running: 1, dead: 0 });
    await queue.complete(jobId);
    expect(await queue.stats()).toEqual({ pending: 0, running: 0, dead: 0 });
  });

  it('does not hand out a job before its runAt, and names that time as the next due', async () => {
    const runAt = Date.now() + 150;
    await queue.enqueue({ kind: 'later', payload: 'x', runAt });
    expect(await claim()).toEqual([]);
    expect(await queue.nextDueAt()).toBe(runAt);
    await sleep(Math.max(0, runAt - Date.now()) + 10);
    expect(await claim()).toMatchObject([{ kind: 'later' }]);
  });

  it('claims by priority, then by due time', async () => {
    const at = Date.now() - 1_000;
    await queue.enqueue({ kind: 'a', payload: 'low', priority: JOB_PRIORITY.low, runAt: at });
    await queue.enqueue({ kind: 'a', payload: 'normal-late', runAt: at + 2 });
    await queue.enqueue({ kind: 'a', payload: 'normal-early', runAt: at + 1 });
    await queue.enqueue({ kind: 'a', payload: 'urgent', priority: JOB_PRIORITY.urgent, runAt: at + 3 });
    expect((await claim(2)).map((j) => j.payload)).toEqual(['urgent', 'normal-early']);
    expect((await claim(10)).map((j) => j.payload)).toEqual(['normal-late', 'low']);
  });

  it('retries at the given time and counts every attempt', async () => {
    const { jobId } = await queue.enqueue({ kind: 'e', payload: 'x' });
    await claim();
    const runAt = Date.now() + 100;
    await queue.retry(jobId, { runAt, error: 'boom' });
    expect(await queue.stats()).toEqual({ pending: 1, running: 0, dead: 0 });
    expect(await claim()).toEqual([]);
    expect(await queue.nextDueAt()).toBe(runAt);
    await sleep(Math.max(0, runAt - Date.now()) + 10);
    expect(await claim()).toMatchObject([{ id: jobId, attempts: 2 }]);
  });

  it('wakes only the jobs waiting for the dependency that answers again', async () => {
    const later = Date.now() + 60_000;
    const sekoia = await queue.enqueue({ kind: 'e', payload: 'sekoia' });
    const mattermost = await queue.enqueue({ kind: 'e', payload: 'mattermost' });
    const unnamed = await queue.enqueue({ kind: 'e', payload: 'unnamed' });
    await claim();
    await queue.retry(sekoia.jobId, { runAt: later, error: 'down', waitingFor: 'sekoia' });
    await queue.retry(mattermost.jobId, { runAt: later, error: 'down', waitingFor: 'platform:mattermost' });
    await queue.retry(unnamed.jobId, { runAt: later, error: 'bad answer' });
    expect(await queue.wake('sekoia')).toBe(1);
    expect(await queue.wake('sekoia')).toBe(0);
    expect((await claim()).map((j) => j.payload)).toEqual(['sekoia']);
    expect(await queue.nextDueAt()).toBe(later);
  });

  it('buries a job among the dead letters, counted in the stats, never handed out again', async () => {
    const { jobId } = await queue.enqueue({ kind: 'card', payload: 'p' });
    await queue.enqueue({ kind: 'event', payload: 'q', runAt: Date.now() + 60_000 });
    await claim();
    await queue.bury(jobId, 'gave up');
    expect(await queue.deadLetters(10)).toMatchObject([
      { id: jobId, kind: 'card', payload: 'p', attempts: 1, lastError: 'gave up' },
    ]);
    expect(await queue.stats()).toEqual({ pending: 1, running: 0, dead: 1 });
    expect(await queue.statsByKind()).toEqual([
      { kind: 'card', waiting: 0, running: 0, dead: 1, oldestAgeMs: 0 },
      { kind: 'event', waiting: 1, running: 0, dead: 0, oldestAgeMs: 0 },
    ]);
    expect(await claim()).toEqual([]);
  });

  it('reports how late the oldest unfinished job of a kind is', async () => {
    await queue.enqueue({ kind: 'event', payload: 'x', runAt: Date.now() - 500 });
    const [stats] = await queue.statsByKind();
    expect(stats?.oldestAgeMs).toBeGreaterThanOrEqual(500);
    expect(stats?.oldestAgeMs).toBeLessThan(5_000);
  });

  it('drops a duplicate, recognised by any of its keys, when it comes up, and names the first job', async () => {
    const first = await queue.enqueue({ kind: 'event', payload: '1', dedupeKeys: ['a', 'b'] });
    const byB = await queue.enqueue({ kind: 'event', payload: '2', dedupeKeys: ['c', 'b'] });
    await queue.enqueue({ kind: 'event', payload: '3', dedupeKeys: ['c'] });
    const claimed = await queue.claim(10, LEASE_MS);
    expect(claimed.jobs.map((j) => j.payload)).toEqual(['1', '3']);
    expect(claimed.duplicates).toEqual([{ id: byB.jobId, kind: 'event', duplicateOf: first.jobId }]);
    expect(await queue.stats()).toMatchObject({ pending: 2 });
  });

  it('drops a duplicate that arrives after the first was processed, until the key is pruned', async () => {
    const first = await queue.enqueue({ kind: 'event', payload: '1', dedupeKeys: ['k'] });
    const [job] = await claim();
    await queue.retry(first.jobId, { runAt: Date.now(), error: 'again' });
    // A retry is not its own duplicate.
    expect(await claim()).toMatchObject([{ id: job?.id, attempts: 2 }]);
    await queue.complete(first.jobId);
    const again = await queue.enqueue({ kind: 'event', payload: '1', dedupeKeys: ['k'] });
    expect(await queue.claim(10, LEASE_MS)).toEqual({
      jobs: [],
      duplicates: [{ id: again.jobId, kind: 'event', duplicateOf: first.jobId }],
    });
    expect(await queue.pruneDedupe(Date.now() + 1)).toBe(1);
    await queue.enqueue({ kind: 'event', payload: '1', dedupeKeys: ['k'] });
    expect(await claim()).toHaveLength(1);
  });

  it('hands out a job again once its lease has run out', async () => {
    const { jobId } = await queue.enqueue({ kind: 'e', payload: 'x' });
    expect(await queue.claim(1, 80)).toMatchObject({ jobs: [{ id: jobId, attempts: 1 }] });
    expect((await queue.claim(1, 80)).jobs).toEqual([]);
    await sleep(100);
    expect(await queue.stats()).toEqual({ pending: 1, running: 0, dead: 0 });
    expect(await queue.claim(1, 80)).toMatchObject({ jobs: [{ id: jobId, attempts: 2 }] });
  });

  it('keeps a job whose lease is renewed, and hands it out once renewals stop', async () => {
    const { jobId } = await queue.enqueue({ kind: 'e', payload: 'x' });
    await queue.claim(1, 150);
    await sleep(100);
    await queue.extendLease(jobId, 150);
    await sleep(100);
    expect((await queue.claim(1, 150)).jobs).toEqual([]);
    await sleep(100);
    expect(await queue.claim(1, 150)).toMatchObject({ jobs: [{ id: jobId, attempts: 2 }] });
  });

  it('never hands the same job to two replicas claiming at once', async () => {
    const other = await open();
    const ids = new Set<string>();
    for (let i = 0; i < 60; i += 1) ids.add((await queue.enqueue({ kind: 'e', payload: String(i) })).jobId);
    const drain = async (q: JobQueue) => {
      const got: string[] = [];
      for (;;) {
        const jobs = await claim(4, q);
        if (jobs.length === 0) return got;
        got.push(...jobs.map((j) => j.id));
      }
    };
    // Two drains per replica, so each replica also races itself over its pool.
    const all = (await Promise.all([drain(queue), drain(other), drain(queue), drain(other)])).flat();
    expect(all).toHaveLength(60);
    expect(new Set(all)).toEqual(ids);
  });

  it('runs only one of two jobs sharing a key when two replicas claim them at once', async () => {
    const other = await open();
    for (let round = 0; round < 10; round += 1) {
      await queue.enqueue({ kind: 'e', payload: 'a', dedupeKeys: [`k${round}`] });
      await queue.enqueue({ kind: 'e', payload: 'b', dedupeKeys: [`k${round}`] });
      const [x, y] = await Promise.all([queue.claim(1, LEASE_MS), other.claim(1, LEASE_MS)]);
      const again = await queue.claim(10, LEASE_MS);
      const run = [x, y, again].flatMap((c) => c?.jobs ?? []);
      const dropped = [x, y, again].flatMap((c) => c?.duplicates ?? []);
      expect(run).toHaveLength(1);
      expect(dropped).toHaveLength(1);
      for (const job of run) await queue.complete(job.id);
    }
  });

  it('does not deadlock when two replicas claim jobs sharing keys in opposite orders', async () => {
    const other = await open();
    for (let round = 0; round < 30; round += 1) {
      await queue.enqueue({ kind: 'e', payload: 'a', dedupeKeys: [`x${round}`, `y${round}`] });
      await queue.enqueue({ kind: 'e', payload: 'c', dedupeKeys: [`y${round}`, `x${round}`] });
      // Each takes one of the pair (SKIP LOCKED) and inserts the keys in its own order.
      const claims = await Promise.all([queue.claim(1, LEASE_MS), other.claim(1, LEASE_MS)]);
      expect(claims.flatMap((c) => c.jobs)).toHaveLength(1);
      expect(claims.flatMap((c) => c.duplicates)).toHaveLength(1);
    }
    // A deadlock would fail one claim (40P01 after deadlock_timeout; claims do not retry it), and
    // Promise.all with it. (A bound on the time taken failed on a loaded machine: 944 ms for 900.)
  });

  it('creates its schema once when replicas start together', async () => {
    // Not the schema beforeEach created: these replicas find none.
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    schema = `queue_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const replicas = await Promise.all([open(), open(), open()]);
    await Promise.all(replicas.map((q) => q.ping()));
  });

  it('closes every connection, and refuses work once closed', async () => {
    const name = `queue-test-${randomUUID().slice(0, 8)}`;
    const q = await open({ applicationName: name });
    await q.enqueue({ kind: 'e', payload: 'x' });
    await Promise.all([claim(1, q), q.stats(), q.ping()]);
    await q.close();
    // The server ends a backend shortly after its client hangs up: wait for it, briefly.
    const backends = async () =>
      (
        await admin.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1', [
          name,
        ])
      ).rows[0] as { n: number };
    for (let i = 0; i < 50 && (await backends()).n > 0; i += 1) await sleep(10);
    expect(await backends()).toEqual({ n: 0 });
    const refused = await q.ping().catch((error: unknown) => error);
    expect(isBotError(refused, 'shutting_down')).toBe(true);
    await q.close();
  });

  it('fails with a coded, retryable error when PostgreSQL cannot be reached', async () => {
    const refused = await createPostgresQueue({
      url: 'postgres://postgres@127.0.0.1:1/test',
      connectTimeoutMs: 500,
    }).catch((error: unknown) => error);
    expect(isBotError(refused, 'store_unavailable')).toBe(true);
    expect((refused as { retryable?: boolean }).retryable).toBe(true);
  });

  it('refuses a schema name that is not a plain identifier', async () => {
    const refused = await createPostgresQueue({ url: POSTGRES_URL, schema: 'x; DROP TABLE y' }).catch(
      (error: unknown) => error,
    );
    expect(isBotError(refused, 'config_invalid')).toBe(true);
  });
  // A client checked out of the pool for a transaction is not heard by the pool: when PostgreSQL
  // dropped it mid-transaction (a restart), its 'error' went unheard and killed the process.
  it('loses its server in the middle of a claim: the claim fails as store_unavailable, the next one works', async () => {
    const applicationName = `queue-test-${randomUUID().slice(0, 8)}`;
    const q = await open({ applicationName });
    await q.enqueue({ kind: 'e', payload: 'x' });
    const locker = new Client({ connectionString: POSTGRES_URL });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query(`LOCK TABLE ${schema}.queue_jobs IN ACCESS EXCLUSIVE MODE`);
      const claiming = q.claim(1, LEASE_MS).then(
        () => 'claimed',
        (error: unknown) => error,
      );
      const waiting = async () => {
        const { rows } = await admin.query(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'",
          [applicationName],
        );
        return (rows[0] as { n: number }).n;
      };
      await expect.poll(waiting).toBe(1);
      await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1',
        [applicationName],
      );
      expect(isBotError(await claiming, 'store_unavailable')).toBe(true);
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
    expect(await claim(1, q)).toMatchObject([{ kind: 'e', attempts: 1 }]);
  });
  // A replica restarted under load once deadlocked with the others' claims: its CREATE INDEX IF NOT
  // EXISTS statements lock the tables against writes even when the indexes are there.
  it('opens without waiting on the tables when its schema is complete (a replica starting under load)', async () => {
    const writer = new Client({ connectionString: POSTGRES_URL });
    await writer.connect();
    try {
      await writer.query('BEGIN');
      // What a claim in flight holds on both tables.
      await writer.query(`LOCK TABLE ${schema}.queue_jobs, ${schema}.queue_dedupe IN ROW EXCLUSIVE MODE`);
      const opened = open().then(() => 'opened');
      const late = sleep(3_000).then(() => 'blocked');
      expect(await Promise.race([opened, late])).toBe('opened');
    } finally {
      await writer.query('ROLLBACK');
      await writer.end();
    }
  });
});
