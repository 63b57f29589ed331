import type { Logger } from '../log.ts';
import type { Job } from './job-queue.ts';
import type { JobType } from './job-type.ts';

/** Runs one job whose payload has already passed its schema. */
export type JobHandler<P> = (payload: P, job: Job, log: Logger) => Promise<void>;

/** A row of the job table: a job type, its handler, and how long it may keep failing. */
export interface JobKind<P> extends JobType<P> {
  readonly handle: JobHandler<P>;
  /** Attempts before the dead-letter list; the worker's default when absent. */
  readonly maxAttempts?: number;
}
