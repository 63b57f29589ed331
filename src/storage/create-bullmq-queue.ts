import { randomUUID } from 'node:crypto';
import { createClient } from '@keyv/redis';
import { Job as BullJob, createNodeRedisClient, ErrorCode, Queue, Worker } from 'bullmq';
import { BotError } from '../errors.ts';
import {
  type Claimed,
  type DeadJob,
  type DuplicateJob,
  JOB_PRIORITY,
  type Job,
  type JobQueue,
} from '../queue/job-queue.ts';
import { CLAIM_DEDUPE_KEYS, PRUNE_DEDUPE_KEYS, TAKE_WAITING_FOR } from './bullmq-side-scripts.ts';
import { createBullmqDeadLetters } from './create-bullmq-dead-letters.ts';
import { readBullmqStatsByKind } from './read-bullmq-stats-by-kind.ts';
import { storeFailuresAsUnavailable } from './store-failures-as-unavailable.ts';
import { withTimeout } from './with-timeout.ts';

export interface BullmqQueueOptions {
  /** redis://… (the STORE_URL). */
  url: string;
  /** Prefix of every key, BullMQ's and ours (tests use a random one per test). */
  prefix?: string;
  /** One BullMQ queue for every job kind (the job name is the kind). */
  queueName?: string;
  /** Lease given by BullMQ when a job is fetched; a claim with another lease sets its own. */
  defaultLeaseMs?: number;
  /**
   * How often a replica looks for jobs whose lease ran out (BullMQ's stalled check): such a job is
   * handed out again within its lease plus this interval. Give every replica the same value: the
   * replica that looks holds BullMQ's guard key for its own interval, and the others skip meanwhile.
   */
  stalledCheckMs?: number;
  /** Errors of the connections and of the stalled check, which no caller awaits. */
  onError?: (error: unknown) => void;
}

/** What BullMQ stores as the job's data: the port's payload, untouched, and its dedupe keys. */
interface JobData {
  p: string;
  k?: string[];
}

type BullmqJob = BullJob<JobData, unknown, string>;

const CONNECT_TIMEOUT_MS = 2_000;
/** How long a close waits for a connection still opening (see close). */
const SETTLE_BEFORE_CLOSE_MS = 1_000;
/** Jobs fetched at once by a claim (each fetch is one script; a batch is one pipelined round trip). */
const CLAIM_BATCH = 32;

/**
 * The JobQueue port on BullMQ over Redis: several replicas share one queue. Pull model: the app's
 * worker calls claim(), which fetches with BullMQ's manual processing (a Worker without processor,
 * getNextJob with a lock token). The lock is the lease: it is never renewed, and BullMQ's stalled
 * check (run by every replica, once per interval across them) hands back a job whose lock ran out.
 *
 * One BullMQ queue holds every kind, so that one claim orders all due work by priority (a click's
 * card before a storm's updates), as the embedded queue does; statsByKind then scans the queue.
 *
 * enqueue resolves once Redis has run the write; it survives a Redis crash only with the AOF on
 * (`appendonly yes`, `appendfsync always` for no loss, `everysec` for at most one second).
 */
export function createBullmqQueue(options: BullmqQueueOptions): JobQueue {
  const prefix = options.prefix ?? 'sekoia-chatops';
  const queueName = options.queueName ?? 'jobs';
  const defaultLeaseMs = options.defaultLeaseMs ?? 5 * 60_000;
  const onError = options.onError ?? (() => {});
  const raw = createClient({
    url: options.url,
    // Offline, a command fails at once rather than waiting for the reconnection: a WebHook gets its
    // 503 (and Sekoia.io sends it again) instead of hanging.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: CONNECT_TIMEOUT_MS,
      reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 5_000),
    },
  });
  raw.on('error', onError);
  // One adapter shared by the Queue and the Worker: one connection for both, plus the Worker's own
  // blocking connection (never used for a blocking wait here, since claims do not block).
  const connection = createNodeRedisClient(raw);
  const shared = { connection, prefix };
  const queue = new Queue<JobData, unknown, string>(queueName, shared);
  const worker = new Worker<JobData, unknown, string>(queueName, null, {
    ...shared,
    autorun: false,
    // Whole milliseconds: BullMQ hands both to Redis (`SET … PX`), which refuses a fraction with
    // "value is not an integer": the stalled check would then fail every time, and a dead
    // replica's jobs would never be handed out again.
    lockDuration: Math.round(defaultLeaseMs),
    stalledInterval: Math.max(1, Math.round(options.stalledCheckMs ?? 10_000)),
    // The port counts attempts (every hand-out, a stalled one included) and the app's worker buries
    // a job after its last attempt: BullMQ must not fail a job for stalling on its own.
    maxStalledCount: Number.MAX_SAFE_INTEGER,
  });
  queue.on('error', onError);
  worker.on('error', onError);
  let connected = false;
  const ready = queue
    .waitUntilReady()
    .then(() => worker.waitUntilReady())
    .then(() => {
      connected = true;
    });
  ready.catch(onError);
  const started = ready.then(() => worker.startStalledCheckTimer());
  started.catch(onError);

  const key = (name: string) => `${prefix}:${queueName}:x:${name}`;
  const dedupeKeys = [key('dedupe'), key('dedupe-at')];
  const waitingForKey = key('waiting-for');
  const instance = randomUUID();
  let claims = 0;
  /** Jobs this instance claimed and has not settled, with the lock token they were fetched with. */
  const held = new Map<string, { job: BullmqJob; token: string }>();
  let closed = false;

  const guard = async () => {
    if (closed) throw new BotError('shutting_down', { message: 'the queue is closed' });
    // Before the first connection, an operation waits for it a little, then fails like one made
    // while Redis is away (the offline queue is off): a WebHook is answered 503, never left hanging.
    if (!connected)
      await withTimeout(
        ready,
        CONNECT_TIMEOUT_MS,
        () => new BotError('store_unavailable', { message: 'the work queue cannot reach Redis' }),
      );
  };

  /**
   * Runs a transition of a claimed job. The port checks no lease (the embedded queue updates by id),
   * so a lock lost since the claim is overridden with BullMQ's token "0" (no lock check); a job that
   * is no longer active (handed back by the stalled check, or gone) is reported for the caller.
   */
  const transition = async (
    jobId: string,
    act: (job: BullmqJob, token: string) => Promise<unknown>,
  ): Promise<'done' | 'gone' | 'not-active'> => {
    await guard();
    const mine = held.get(jobId);
    held.delete(jobId);
    const job = mine?.job ?? ((await BullJob.fromId(queue, jobId)) as BullmqJob | undefined);
    if (!job) return 'gone';
    for (const token of mine ? [mine.token, '0'] : ['0']) {
      try {
        await act(job, token);
        return 'done';
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (code === ErrorCode.JobNotExist) return 'gone';
        if (code === ErrorCode.JobNotInState) return 'not-active';
        if (code !== ErrorCode.JobLockNotExist && code !== ErrorCode.JobLockMismatch) throw error;
      }
    }
    return 'not-active';
  };

  const claimBatch = async (size: number, token: string, leaseMs: number): Promise<BullmqJob[]> => {
    const fetched = await Promise.all(
      Array.from({ length: size }, () => worker.getNextJob(token, { block: false })),
    );
    const jobs = fetched.filter((job): job is BullmqJob => job !== undefined && job.id !== undefined);
    if (leaseMs !== defaultLeaseMs) await Promise.all(jobs.map((job) => job.extendLock(token, leaseMs)));
    for (const job of jobs) held.set(job.id as string, { job, token });
    return jobs;
  };

  /** The earlier job that carried one of this job's keys, or undefined (the keys are now its). */
  const firstCarrier = async (job: BullmqJob): Promise<string | undefined> => {
    const keys = job.data.k ?? [];
    if (keys.length === 0) return undefined;
    const seen = await raw.eval(CLAIM_DEDUPE_KEYS, {
      keys: dedupeKeys,
      arguments: [job.id as string, String(Date.now()), ...keys],
    });
    return typeof seen === 'string' ? seen : undefined;
  };

  const port: JobQueue = {
    enqueue: async (newJob) => {
      await guard();
      const keys =
        newJob.dedupeKeys && newJob.dedupeKeys.length > 0 ? [...new Set(newJob.dedupeKeys)] : undefined;
      const added = await queue.add(
        newJob.kind,
        keys ? { p: newJob.payload, k: keys } : { p: newJob.payload },
        {
          // BullMQ runs jobs without priority before all prioritized ones: every job gets one (1..4).
          priority: (newJob.priority ?? JOB_PRIORITY.normal) + 1,
          delay: Math.max(0, (newJob.runAt ?? 0) - Date.now()),
          removeOnComplete: true,
          removeOnFail: false,
        },
      );
      return { jobId: added.id as string };
    },

    claim: async (limit, leaseMs) => {
      await guard();
      claims += 1;
      const token = `${instance}:${claims}`;
      const claimed: Claimed = { jobs: [], duplicates: [] };
      let remaining = limit;
      while (remaining > 0) {
        const size = Math.min(remaining, CLAIM_BATCH);
        const batch = await claimBatch(size, token, leaseMs);
        remaining -= batch.length;
        // In fetch order, pipelined: of two copies in one batch, the first fetched keeps its keys.
        const carriers = await Promise.all(batch.map(firstCarrier));
        const dropped: DuplicateJob[] = [];
        batch.forEach((job, index) => {
          const original = carriers[index];
          if (original === undefined) claimed.jobs.push(toJob(job));
          else dropped.push({ id: job.id as string, kind: job.name, duplicateOf: original });
        });
        await Promise.all(
          dropped.map((duplicate) =>
            transition(duplicate.id, (job, lock) => job.moveToCompleted(null, lock, false)),
          ),
        );
        claimed.duplicates.push(...dropped);
        if (batch.length < size) break;
      }
      return claimed;
    },

    extendLease: async (jobId, leaseMs) => {
      await guard();
      const mine = held.get(jobId);
      // Not ours any more (settled, or handed back by the stalled check): nothing to keep.
      if (mine) await mine.job.extendLock(mine.token, leaseMs).catch(() => undefined);
    },

    complete: async (jobId) => {
      const outcome = await transition(jobId, (job, token) => job.moveToCompleted(null, token, false));
      // Handed back by the stalled check meanwhile: done all the same, as in the embedded queue.
      if (outcome === 'not-active') await queue.remove(jobId);
      await raw.hDel(waitingForKey, jobId);
    },

    retry: async (jobId, { runAt, waitingFor }) => {
      // A job handed back meanwhile is left where it is: it runs again soon, and its next outcome
      // decides. (BullMQ keeps no error on a delayed job; the dead-letter list has the last one.)
      const outcome = await transition(jobId, (job, token) => job.moveToDelayed(runAt, token));
      if (outcome !== 'done') return;
      if (waitingFor) await raw.hSet(waitingForKey, jobId, waitingFor);
      else await raw.hDel(waitingForKey, jobId);
    },

    wake: async (waitingFor) => {
      await guard();
      const ids = (await raw.eval(TAKE_WAITING_FOR, {
        keys: [waitingForKey],
        arguments: [waitingFor],
      })) as string[];
      const promoted = await Promise.all(
        ids.map(async (id) => {
          const job = await BullJob.fromId(queue, id);
          // Only a delayed job is brought forward: one already due, or in flight, is left alone.
          return job
            ? job.promote().then(
                () => 1,
                () => 0,
              )
            : 0;
        }),
      );
      return promoted.reduce((sum: number, n) => sum + n, 0);
    },

    bury: async (jobId, error) => {
      await transition(jobId, (job, token) => job.moveToFailed(new Error(error), token, false));
      await raw.hDel(waitingForKey, jobId);
    },

    nextDueAt: async () => {
      await guard();
      const { keys } = queue;
      const [waiting, prioritized, delayed] = await Promise.all([
        raw.lLen(keys.wait as string),
        raw.zCard(keys.prioritized as string),
        raw.zRangeWithScores(keys.delayed as string, 0, 0),
      ]);
      if (waiting + prioritized > 0) return Date.now();
      const first = delayed[0];
      // BullMQ scores a delayed job with its due time times 4096 plus an order counter.
      return first ? Math.floor(first.score / 0x1000) : undefined;
    },

    stats: async () => {
      await guard();
      const counts = await queue.getJobCounts('wait', 'prioritized', 'delayed', 'active', 'failed');
      const count = (state: string) => counts[state] ?? 0;
      return {
        pending: count('wait') + count('prioritized') + count('delayed') + count('active'),
        running: count('active'),
        dead: count('failed'),
      };
    },

    statsByKind: async () => {
      await guard();
      return readBullmqStatsByKind(raw, queue);
    },

    deadLetters: async (limit) => {
      await guard();
      if (limit <= 0) return [];
      const jobs = (await queue.getFailed(0, limit - 1)) as BullmqJob[];
      return jobs.map((job): DeadJob => ({ ...toJob(job), lastError: job.failedReason ?? '' }));
    },

    // A dead job is a failed one (bury moves it there, and removeOnFail keeps it).
    ...createBullmqDeadLetters({
      queue,
      guard,
      forgetWaitingFor: async (jobId) => {
        await raw.hDel(waitingForKey, jobId);
      },
    }),

    pruneDedupe: async (beforeMs) => {
      await guard();
      return Number(await raw.eval(PRUNE_DEDUPE_KEYS, { keys: dedupeKeys, arguments: [String(beforeMs)] }));
    },

    ping: async () => {
      await guard();
      await raw.ping();
    },

    close: async () => {
      if (closed) return;
      closed = true;
      held.clear();
      // Each step bounded: with Redis away, a polite close waits for a reconnection that may never
      // come, and a shutdown during an outage must not hang. Nothing is lost: what was not settled
      // is handed out again once its lease runs out.
      const bounded = (step: Promise<unknown>) =>
        withTimeout(step, CONNECT_TIMEOUT_MS, () => new Error('closing the work queue timed out')).catch(
          onError,
        );
      // BullMQ reads the server's version (INFO) as each connection opens: closing before those
      // answers fails them with "The client is closed", reported as a connection failure (npm run
      // queue and the doctor open and close at once). Briefly: during an outage they never come.
      if (raw.isOpen) {
        await withTimeout(started, SETTLE_BEFORE_CLOSE_MS, () => new Error('not started')).catch(() => {});
      }
      await bounded(worker.close(!raw.isReady));
      await bounded(queue.close());
      if (raw.isOpen && raw.isReady) await bounded(raw.close());
      if (raw.isOpen) raw.destroy();
    },
  };
  return storeFailuresAsUnavailable(port, 'the work queue on Redis failed');
}

function toJob(job: BullmqJob): Job {
  return {
    id: job.id as string,
    kind: job.name,
    payload: job.data.p,
    attempts: job.attemptsStarted,
    createdAt: job.timestamp,
  };
}
