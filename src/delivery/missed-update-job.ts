import { SEKOIA_EVENT_JOB, storedEventPayload } from '../ingress/stored-event.ts';
import type { NewJob } from '../queue/job-queue.ts';
import type { ReminderJob } from './reminder-job.ts';

/**
 * The `alert updated` WebHook that Sekoia.io sent and the bot never got, queued as if it had come:
 * the alert is read again and every card of it edited, with its thread note, through the normal path.
 * Once per reminder stage (the dedupe key), so a retried reminder queues it once.
 */
export function missedUpdateJob(job: ReminderJob, now: number): NewJob {
  const key = `missed-update:${job.alertUuid}:${job.channel.platform}:${job.channel.channel}:${job.stage}`;
  const body = JSON.stringify({ type: 'alert', action: 'updated', attributes: { uuid: job.alertUuid } });
  return {
    kind: SEKOIA_EVENT_JOB,
    payload: storedEventPayload({ body, receivedAt: now, requestId: key }),
    dedupeKeys: [key],
  };
}
