import type { Clock } from '../clock.ts';
import type { Config } from '../config/load-config.ts';
import { createStatusSource, type StatusTracker } from '../create-status-source.ts';
import type { StormStore } from '../delivery/storm-store.ts';
import type { Logger } from '../log.ts';
import type { JobQueue } from '../queue/job-queue.ts';
import type { Scheduler } from '../scheduler/create-scheduler.ts';
import type { SekoiaApi } from '../sekoia/sekoia-api.ts';
import type { Store } from '../storage/create-store.ts';
import { readCatchUpReport } from '../watchers/catch-up-records.ts';
import { CATCH_UP_NAMESPACE } from './compose-catch-up.ts';
import { composeStormPanel } from './compose-storms.ts';

/** What `status` shows: Sekoia.io reachability, the last WebHook, the queue and the scheduled jobs. */
export function composeStatus(deps: {
  sekoia: SekoiaApi;
  queue: JobQueue;
  store: Store;
  scheduler: Scheduler;
  clock: Clock;
  log: Logger;
  config: Readonly<Config>;
  storms: StormStore;
}): StatusTracker {
  const { sekoia, queue, store, scheduler, clock, log } = deps;
  const storms = composeStormPanel(deps);
  return createStatusSource({
    sekoia,
    queue,
    records: store.keyv('status'),
    clock,
    log,
    jobs: () => scheduledJobsForStatus(scheduler),
    storms: () => storms.inProgress(),
    catchUp: async () => (await readCatchUpReport(store.keyv(CATCH_UP_NAMESPACE))) ?? null,
  });
}

/** The scheduler's status as `status` shows it. */
export async function scheduledJobsForStatus(scheduler: Scheduler) {
  return (await scheduler.status()).map((job) => ({
    name: job.job,
    lastRunAt: job.lastRun?.startedAt ?? null,
    result: job.lastRun
      ? job.lastRun.errorCode
        ? `${job.lastRun.result} (${job.lastRun.errorCode})`
        : job.lastRun.result
      : 'not run yet',
  }));
}
