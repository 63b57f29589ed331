import type { AppOptions } from '../app-options.ts';
import type { Clock } from '../clock.ts';
import { SEKOIA_EVENT_JOB } from '../ingress/stored-event.ts';
import type { Metrics } from '../metrics/create-metrics.ts';
import { bringWaitingWorkForward } from '../queue/bring-waiting-work-forward.ts';
import type { RecoveryNotifier } from '../queue/create-recovery-notifier.ts';
import { createWorker, type Worker } from '../queue/create-worker.ts';
import type { JobTable } from '../queue/define-jobs.ts';
import type { EnqueueResult, JobQueue, NewJob } from '../queue/job-queue.ts';

export interface Queueing {
  /** Queues a job for the next poll (what a job handler does: the worker is already awake). */
  enqueue(job: NewJob): Promise<EnqueueResult>;
  /** Queues a job and wakes the worker (a button, a refresh or a watcher, outside the worker). */
  enqueueAndWake(job: NewJob): Promise<EnqueueResult>;
  /** The worker built last: from now on `enqueueAndWake` wakes it. */
  wakeWith(worker: Worker): void;
}

/**
 * The two ways into the queue. The worker is built last (its jobs need the chat platforms, which
 * need the buttons, which queue jobs), so the parts built before it get a wake that it fills in.
 */
export function composeQueueing(queue: JobQueue): Queueing {
  let wakeWorker = () => {};
  const enqueue = (job: NewJob) => queue.enqueue(job);
  const enqueueAndWake = async (job: NewJob) => {
    const queued = await enqueue(job);
    wakeWorker();
    return queued;
  };
  return {
    enqueue,
    enqueueAndWake,
    wakeWith: (worker) => {
      wakeWorker = () => worker.wake();
    },
  };
}

/** The worker that runs the job table, counting duplicates, retries and dead letters in the metrics. */
export function composeWorker(
  options: AppOptions,
  deps: {
    queue: JobQueue;
    jobs: JobTable;
    metrics: Metrics;
    clock: Clock;
    queueing: Queueing;
    recovery: RecoveryNotifier;
  },
): Worker {
  const { log } = options;
  const { queue, jobs, metrics, clock } = deps;
  const worker = createWorker({
    queue,
    jobs,
    clock,
    log,
    ...(options.random ? { random: options.random } : {}),
    leaseMs: options.config.QUEUE_LEASE_SECONDS * 1_000,
    ...(options.worker?.concurrency ? { concurrency: options.worker.concurrency } : {}),
    ...(options.worker?.pollMs ? { pollMs: options.worker.pollMs } : {}),
    ...(options.worker?.maxAttempts ? { maxAttempts: options.worker.maxAttempts } : {}),
    ...(options.worker?.backoffBaseMs
      ? { backoff: { baseMs: options.worker.backoffBaseMs, capMs: 60_000 } }
      : {}),
    onWaiting: (dependency) => deps.recovery.waiting(dependency),
    events: {
      onDuplicate: (duplicate) => {
        if (duplicate.kind === SEKOIA_EVENT_JOB) metrics.eventsDeduplicated.inc();
      },
      onRetry: (job) => metrics.jobRetries.inc({ kind: job.kind }),
      onDead: (job) => metrics.jobsDeadLettered.inc({ kind: job.kind }),
    },
  });
  deps.queueing.wakeWith(worker);
  bringWaitingWorkForward({ recovery: deps.recovery, queue, worker, log });
  return worker;
}
