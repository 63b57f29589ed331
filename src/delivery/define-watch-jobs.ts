import { defineJob, type JobTableEntry } from '../queue/define-jobs.ts';
import type { Job } from '../queue/job-queue.ts';
import type { TriggerNotification } from '../triggers/trigger-notification.ts';
import type { TriggerWatch, WatchContext } from '../triggers/trigger-watch.ts';

/** A trigger as this reads it: a row of the table, with or without a watch. */
interface WatchedTrigger<Facts extends { trigger: string }> {
  readonly name: string;
  readonly watch?: TriggerWatch<Facts>;
}

/**
 * One job row per trigger with a `watch`: the events the watchers find (new catalog rules, intake
 * silences), delivered like WebHook events. The event is the job's: its id and its time.
 */
export function defineWatchJobs<Facts extends { trigger: string }>(
  triggers: readonly WatchedTrigger<Facts>[],
  options: { deliver: (notification: TriggerNotification<Facts>) => Promise<void>; appUrl: string },
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
              await options.deliver(watch.toNotification(payload, contextOf(job)));
            },
          }),
        ],
  );
}
