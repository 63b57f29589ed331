import type { NewJob } from './job-queue.ts';
import type { JobType } from './job-type.ts';

/** What a producer may add to a job besides its payload. */
export type JobOptions = Pick<NewJob, 'dedupeKeys' | 'runAt' | 'priority'>;

/**
 * The one way a payload is written to the queue: typed by its job type, stored as JSON (undefined
 * fields left out), so that what a producer writes is what the worker's schema reads back.
 */
export function encodeJob<P>(type: JobType<P>, payload: NoInfer<P>, options: JobOptions = {}): NewJob {
  return { kind: type.kind, payload: JSON.stringify(payload), ...options };
}
