/**
 * The durable work queue port. The embedded implementation keeps jobs in SQLite; a distributed one
 * (Redis / PostgreSQL) can take its place behind the same interface.
 */
export interface NewJob {
  kind: string;
  /** JSON text; the queue never looks inside. */
  payload: string;
  /** A job whose key (any of them) was seen before is a duplicate and is not stored again. */
  dedupeKeys?: readonly string[];
  /** Not before this time (epoch ms); defaults to now. */
  runAt?: number;
}

export interface EnqueueResult {
  status: 'queued' | 'duplicate';
  /** The new job's id, or the id of the job that first carried the key. */
  jobId: string;
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

export interface JobQueue {
  /** Resolves once the job is durably stored (or recognised as a duplicate). */
  enqueue(job: NewJob): Promise<EnqueueResult>;
  /** Leases up to `limit` due jobs for `leaseMs`; a job whose lease runs out is handed out again. */
  claim(limit: number, leaseMs: number): Promise<Job[]>;
  complete(jobId: string): Promise<void>;
  retry(jobId: string, options: { runAt: number; error: string }): Promise<void>;
  /** Moves a job to the dead-letter list, kept for an operator to see. */
  bury(jobId: string, error: string): Promise<void>;
  /** Earliest time a job becomes due (epoch ms), if any job waits. */
  nextDueAt(): Promise<number | undefined>;
  stats(): Promise<QueueStats>;
  deadLetters(limit: number): Promise<DeadJob[]>;
  /** Forgets dedupe keys older than `beforeMs`. */
  pruneDedupe(beforeMs: number): Promise<number>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
