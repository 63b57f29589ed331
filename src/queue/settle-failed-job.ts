import type { Clock } from '../clock.ts';
import { type BackoffPolicy, computeBackoff } from '../compute-backoff.ts';
import { isBotError, messageOf } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { WorkerEvents } from './create-worker.ts';
import type { Job, JobQueue } from './job-queue.ts';
import { waitingForOf } from './waiting-for-of.ts';

export interface SettleFailedJobInput {
  job: Job;
  error: unknown;
  queue: JobQueue;
  clock: Clock;
  log: Logger;
  random: () => number;
  maxAttempts: number;
  backoff: BackoffPolicy | undefined;
  events: WorkerEvents | undefined;
  /** Told which dependency the job now waits for, once its retry is stored. */
  onWaiting?: ((dependency: string) => void) | undefined;
}

/**
 * A failed job is tried again later (backoff with jitter, never before a Retry-After it reports),
 * or goes to the dead-letter list after its last attempt or at once when the error cannot heal.
 * Unexpected errors (not BotError) count as retryable: a bug fixed by a redeploy should not cost data.
 */
export async function settleFailedJob(input: SettleFailedJobInput): Promise<void> {
  const { job, error, queue, log } = input;
  const retryable = isBotError(error) ? error.retryable : true;
  const message = describe(error);
  if (!retryable || job.attempts >= input.maxAttempts) {
    await queue.bury(job.id, message);
    log.error({ jobId: job.id, kind: job.kind, attempts: job.attempts, err: message }, 'job dead-lettered');
    input.events?.onDead?.(job, error);
    return;
  }
  const retryAfterMs = isBotError(error) ? error.retryAfterMs : undefined;
  const delay = computeBackoff(job.attempts, {
    random: input.random,
    retryAfterMs,
    ...(input.backoff ? { policy: input.backoff } : {}),
  });
  const waitingFor = waitingForOf(error);
  await queue.retry(job.id, { runAt: input.clock.now() + delay, error: message, waitingFor });
  if (waitingFor) input.onWaiting?.(waitingFor);
  log.warn(
    { jobId: job.id, kind: job.kind, attempts: job.attempts, delayMs: delay, err: message },
    'job retry',
  );
  input.events?.onRetry?.(job, delay, error);
}

function describe(error: unknown): string {
  if (isBotError(error)) return `${error.code}: ${error.message}`.slice(0, 500);
  return messageOf(error).slice(0, 500);
}
