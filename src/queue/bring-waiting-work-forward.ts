import type { Logger } from '../log.ts';
import type { RecoveryNotifier } from './create-recovery-notifier.ts';
import type { Worker } from './create-worker.ts';
import type { JobQueue } from './job-queue.ts';

/**
 * When a dependency answers again, what waited for it is due now and the worker looks at once:
 * paced by the worker's concurrency and the clients' own limits (the Sekoia.io pacer, Retry-After),
 * instead of each job sleeping out its backoff (up to 5 minutes).
 */
export function bringWaitingWorkForward(deps: {
  recovery: RecoveryNotifier;
  queue: JobQueue;
  worker: Worker;
  log: Logger;
}): void {
  const { queue, worker, log } = deps;
  deps.recovery.onRecovered((dependency) => {
    queue.wake(dependency).then(
      (woken) => {
        log.info({ dependency, jobs: woken }, 'dependency back, waiting jobs brought forward');
        worker.wake();
      },
      (error: unknown) => log.error({ err: error, dependency }, 'could not bring waiting jobs forward'),
    );
  });
}
