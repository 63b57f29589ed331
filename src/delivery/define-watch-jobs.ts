import { defineJob, type JobTableEntry } from '../queue/define-jobs.ts';
import type { Job } from '../queue/job-queue.ts';
import type { CompactNotification } from '../triggers/trigger-table.ts';
import type { TriggerWatch, WatchContext } from '../triggers/trigger-watch.ts';
import type { DeliveryPort } from './delivery-port.ts';

/** A trigger as this reads it: the table's rows, some with a watch. */
interface WatchedTrigger {
  readonly name: string;
  readonly watch?: TriggerWatch<CompactNotification['facts']>;
}

/**
 * One job row per trigger with a `watch`: the events the watchers find (new catalog rules, intake
 * silences), delivered like WebHook events. The event is the job's: its id and its time.
 */
export function defineWatchJobs(
  triggers: readonly WatchedTrigger[],
  options: { delivery: DeliveryPort; appUrl: string },
): JobTableEntry[] {
  const contextOf = (job: Job): WatchContext => ({
    event: (type, action) => ({
      id: job.id,
      type,
      action,
      createdAt: new Date(job.createdAt).toISOString(),
      receivedAt: job.createdAt,
    }),
    appUrl: options.appUrl,
  });
  return triggers.flatMap(({ watch }) =>
    watch === undefined
      ? []
      : [
          defineJob(watch.job, {
            handle: async (payload, job) => {
              await options.delivery.deliver(watch.toNotification(payload, contextOf(job)));
            },
          }),
        ],
  );
}
