import type { Clock } from '../clock.ts';
import type { BackoffPolicy } from '../compute-backoff.ts';
import { BotError } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { JobTable } from './define-jobs.ts';
import { DEFAULT_LEASE_MS } from './job-lease.ts';
import type { Claimed, DuplicateJob, Job, JobQueue } from './job-queue.ts';
import { settleFailedJob } from './settle-failed-job.ts';

export interface WorkerEvents {
  onCompleted?(job: Job): void;
  onDuplicate?(duplicate: DuplicateJob): void;
  onRetry?(job: Job, delayMs: number, error: unknown): void;
  onDead?(job: Job, error: unknown): void;
}

export interface WorkerOptions {
  queue: JobQueue;
  /** Every kind the worker runs, each with its payload schema (defineJobs). */
  jobs: JobTable;
  clock: Clock;
  log: Logger;
  random?: () => number;
  concurrency?: number;
  /** A claimed job's lease (default DEFAULT_LEASE_MS), renewed every third of it. */
  leaseMs?: number;
  /** Attempts before the dead-letter list, for kinds of the table that set none. */
  maxAttempts?: number;
  backoff?: BackoffPolicy;
  /** Longest sleep between two looks at the queue (other replicas may add jobs). */
  pollMs?: number;
  events?: WorkerEvents;
  /** Told which dependency a retried job waits for (see create-recovery-notifier.ts). */
  onWaiting?: (dependency: string) => void;
}

/**
 * Jobs run at once by one worker. A job mostly waits: on Sekoia.io's pacer, on a platform's gate, on
 * a commit. The pacers and gates bound the rates; enough jobs in flight keep them busy, and let a
 * quiet channel's card through while a storm's jobs wait for their turn.
 */
export const DEFAULT_WORKER_CONCURRENCY = 16;

export interface Worker {
  start(): void;
  /** Stops taking jobs and waits for the ones in flight. */
  stop(): Promise<void>;
  /** Looks at the queue now (after an enqueue). */
  wake(): void;
  /** Runs every job due now, once, and resolves when they are settled (tests drive time with it). */
  runDue(): Promise<number>;
}

export function createWorker(options: WorkerOptions): Worker {
  const { queue, clock, log } = options;
  const concurrency = options.concurrency ?? DEFAULT_WORKER_CONCURRENCY;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const maxAttempts = options.maxAttempts ?? 10;
  const pollMs = options.pollMs ?? 1_000;
  const random = options.random ?? Math.random;
  const inFlight = new Set<Promise<void>>();
  let running = false;
  let timer: NodeJS.Timeout | undefined;
  let looping = false;

  const settle = (job: Job, error: unknown) =>
    settleFailedJob({
      job,
      error,
      queue,
      clock,
      log,
      random,
      maxAttempts: options.jobs.get(job.kind)?.maxAttempts ?? maxAttempts,
      backoff: options.backoff,
      events: options.events,
      onWaiting: options.onWaiting,
    });

  /** Runs `task` while renewing the job's lease; a failed renewal is logged, the task goes on. */
  const keepingLease = async (jobId: string, task: () => Promise<void>): Promise<void> => {
    const beat = setInterval(
      () => {
        queue.extendLease(jobId, leaseMs).catch((error: unknown) => {
          log.warn({ err: error, jobId }, 'could not renew a job lease');
        });
      },
      Math.max(1, Math.floor(leaseMs / 3)),
    );
    beat.unref();
    try {
      await task();
    } finally {
      clearInterval(beat);
    }
  };

  const runJob = async (job: Job): Promise<void> => {
    const jobLog = log.child({ jobId: job.id, kind: job.kind });
    const entry = options.jobs.get(job.kind);
    try {
      if (!entry)
        throw new BotError('job_failed', { message: 'no handler for this job kind', retryable: false });
      // The payload is checked before any handler sees it; one that fails cannot heal by waiting.
      const accepted = entry.accept(job);
      if (!accepted.ok)
        throw new BotError('job_payload_invalid', {
          message: accepted.reason,
          details: { issues: accepted.issues },
          retryable: false,
        });
      await keepingLease(job.id, () => accepted.run(jobLog));
      await queue.complete(job.id);
      options.events?.onCompleted?.(job);
    } catch (error) {
      await settle(job, error).catch((cause) => jobLog.error({ err: cause }, 'could not record job failure'));
    }
  };

  const track = (job: Job): Promise<void> => {
    const promise = runJob(job).finally(() => {
      inFlight.delete(promise);
      if (running) wake();
    });
    inFlight.add(promise);
    return promise;
  };

  const loop = async (): Promise<void> => {
    if (looping || !running) return;
    looping = true;
    try {
      const free = concurrency - inFlight.size;
      const { jobs, duplicates } = free > 0 ? report(await queue.claim(free, leaseMs)) : NOTHING;
      for (const job of jobs) void track(job);
      if (duplicates.length > 0) wake();
      else if (jobs.length === 0 && inFlight.size === 0) await scheduleNext();
    } catch (error) {
      log.error({ err: error }, 'queue poll failed');
      schedule(pollMs);
    } finally {
      looping = false;
    }
  };

  const scheduleNext = async (): Promise<void> => {
    const due = await queue.nextDueAt();
    schedule(due === undefined ? pollMs : Math.min(pollMs, Math.max(0, due - clock.now())));
  };

  const schedule = (ms: number): void => {
    if (!running) return;
    clearTimeout(timer);
    timer = setTimeout(() => void loop(), ms);
    timer.unref?.();
  };

  const report = (claimed: Claimed): Claimed => {
    for (const duplicate of claimed.duplicates) {
      log.info(
        { jobId: duplicate.id, kind: duplicate.kind, duplicateOf: duplicate.duplicateOf },
        'duplicate dropped',
      );
      options.events?.onDuplicate?.(duplicate);
    }
    return claimed;
  };

  const wake = (): void => {
    if (running) setImmediate(() => void loop());
  };

  return {
    start: () => {
      running = true;
      wake();
    },
    stop: async () => {
      running = false;
      clearTimeout(timer);
      await Promise.allSettled([...inFlight]);
    },
    wake,
    runDue: async () => {
      const { jobs } = report(await queue.claim(Number.MAX_SAFE_INTEGER, leaseMs));
      await Promise.all(jobs.map(track));
      return jobs.length;
    },
  };
}

const NOTHING: Claimed = { jobs: [], duplicates: [] };
