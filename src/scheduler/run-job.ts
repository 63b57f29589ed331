import type { Clock } from '../clock.ts';
import type { Logger } from '../log.ts';
import { errorCodeOf } from './error-code-of.ts';
import { type Every, type HeldLease, keepLease } from './keep-lease.ts';
import type { LeaseStore } from './lease-store.ts';
import type { JobRunRecord, JobRunResult, ScheduledJob } from './scheduled-job.ts';

export const DEFAULT_HOLD_MS = 30_000;

export interface RunJobOptions {
  leases: LeaseStore;
  owner: string;
  clock: Clock;
  every: Every;
  /** The job's logger. */
  log: Logger;
}

export interface RunOutcome {
  readonly record: JobRunRecord;
  /** What the job (or the lease store) threw, when the result is 'error'. */
  readonly error?: unknown;
}

/**
 * One tick of `job` on this replica: take the lease or skip, run while renewing it, let go (a
 * replica-scoped job runs without one). Never rejects.
 */
export async function runJob(job: ScheduledJob, options: RunJobOptions): Promise<RunOutcome> {
  const { clock, owner } = options;
  const startedAt = clock.now();
  const ended = (result: JobRunResult): RunOutcome => ({
    record: { job: job.name, result, owner, startedAt, endedAt: clock.now() },
  });
  const failed = (error: unknown): RunOutcome => ({
    record: { ...ended('error').record, errorCode: errorCodeOf(error) },
    error,
  });
  let lease: HeldLease | undefined;
  if (job.scope !== 'replica') {
    try {
      if (!(await options.leases.acquire(job.name, owner, job.leaseMs))) return ended('skipped-lease');
    } catch (error) {
      return failed(error);
    }
    lease = keepLease({ ...options, name: job.name, ttlMs: job.leaseMs });
  }
  try {
    await job.run({ signal: lease?.lost ?? new AbortController().signal, log: options.log });
    return ended('ok');
  } catch (error) {
    return failed(error);
  } finally {
    await lease?.letGo(startedAt + (job.holdMs ?? DEFAULT_HOLD_MS));
  }
}
