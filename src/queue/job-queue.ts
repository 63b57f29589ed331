import type { RawEnqueueResult, RawJobContext } from './raw-job.ts';

/**
 * The durable work queue port. The embedded implementation keeps jobs in SQLite; a distributed one
 * (Redis / PostgreSQL) can take its place behind the same interface.
 */
export interface NewJob {
  kind: string;
  /** JSON text; the queue never looks inside. */
  payload: string;
  /**
   * A job carrying a key (any of them) that an earlier job carried is a duplicate: it is dropped
   * when it comes up, never run. Keys are remembered until pruned.
   */
  dedupeKeys?: readonly string[];
  /** Not before this time (epoch ms); defaults to now. */
  runAt?: number;
  /** Claim order among due jobs: lower first (JOB_PRIORITY); defaults to `normal`. */
  priority?: number;
}

/**
 * Due jobs are claimed by priority, then by due time: a card refresh caused by a click, or a quiet
 * channel's first card, must not wait behind hundreds of storm jobs that were queued before it.
 */
export const JOB_PRIORITY = { urgent: 0, high: 1, normal: 2, low: 3 } as const;

export interface EnqueueResult {
  jobId: string;
}

/** A job dropped because an earlier job carried one of its dedupe keys. */
export interface DuplicateJob {
  id: string;
  kind: string;
  /** The job that first carried the key. */
  duplicateOf: string;
}

export interface Claimed {
  jobs: Job[];
  duplicates: DuplicateJob[];
}

export interface Job {
  id: string;
  kind: string;
  payload: string;
  /** How many times the job has been handed to a worker, this time included. */
  attempts: number;
  createdAt: number;
}

export interface DeadJob extends Job {
  lastError: string;
}

export interface QueueStats {
  /** Waiting or running jobs. */
  pending: number;
  /** Jobs whose lease is held by a worker right now. */
  running: number;
  dead: number;
}

/**
 * One job kind's share of the queue, for metrics that every engine can provide (SQLite, BullMQ's
 * job timestamps, pg-boss's job table): counts, and how late its oldest unfinished job is.
 */
export interface KindStats {
  kind: string;
  /** Pending jobs that no worker holds now, due or not. */
  waiting: number;
  /** Pending jobs whose lease is held by a worker right now. */
  running: number;
  dead: number;
  /**
   * How long the oldest unfinished job of the kind has been owed, 0 when none is: since it came due
   * if it was never tried (a job scheduled for later does not count before then), since it was
   * created once it has been tried (a job in backoff is late work).
   */
  oldestAgeMs: number;
}

export interface JobQueue {
  /** Resolves once the job is durably stored (or recognised as a duplicate). */
  enqueue(job: NewJob): Promise<EnqueueResult>;
  /**
   * Optional, for engines with a thread of their own (the embedded SQLite queue): takes a request
   * body's bytes there, where the admission function the queue was opened with parses and checks
   * them, and enqueues the job as `enqueue` does, or answers with its refusal. The bodies of an
   * event-loop turn go there together, in one transferred buffer (queue/raw-batch.ts), copied from
   * the caller's bytes when that batch is sent: the caller must not change them before the promise
   * settles (it may read them: they are left as they were). Without it, the caller admits the bytes itself with the same
   * function and calls `enqueue` (ingress/enqueue-webhook-body.ts).
   */
  enqueueRaw?(bytes: Uint8Array, context: RawJobContext): Promise<RawEnqueueResult>;
  /**
   * Leases up to `limit` due jobs for `leaseMs` (a job whose lease runs out is handed out again).
   * Due jobs that are duplicates are dropped on the way and reported.
   */
  claim(limit: number, leaseMs: number): Promise<Claimed>;
  complete(jobId: string): Promise<void>;
  /**
   * Keeps a claimed job's lease for `leaseMs` more from now while its handler runs (the worker's
   * heartbeat): a replica that dies stops renewing, and its jobs are handed out again soon after.
   * A job no longer leased (completed, or handed out again) is left alone.
   */
  extendLease(jobId: string, leaseMs: number): Promise<void>;
  /**
   * Tries the job again at `runAt`. `waitingFor` names the dependency it waits for (`sekoia`,
   * `platform:mattermost`…): `wake` brings it forward when that dependency answers again.
   */
  retry(
    jobId: string,
    options: { runAt: number; error: string; waitingFor?: string | undefined },
  ): Promise<void>;
  /** Makes every waiting job that waits for `waitingFor` due now; resolves with how many. */
  wake(waitingFor: string): Promise<number>;
  /** Moves a job to the dead-letter list, kept for an operator to see. */
  bury(jobId: string, error: string): Promise<void>;
  /** Earliest time a job becomes due (epoch ms), if any job waits. */
  nextDueAt(): Promise<number | undefined>;
  stats(): Promise<QueueStats>;
  /** The same, per job kind (kinds with no job left are absent). */
  statsByKind(): Promise<KindStats[]>;
  deadLetters(limit: number): Promise<DeadJob[]>;
  /**
   * Puts a dead job back among the waiting ones, due now, with its attempts reset (an operator's
   * retry). Resolves false when no dead job has that id.
   */
  retryDead(jobId: string): Promise<boolean>;
  /** The same for every dead job; resolves with how many went back. */
  retryAllDead(): Promise<number>;
  /** Forgets a dead job for good. Resolves false when no dead job has that id. */
  dropDead(jobId: string): Promise<boolean>;
  /** Forgets dedupe keys older than `beforeMs`. */
  pruneDedupe(beforeMs: number): Promise<number>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
