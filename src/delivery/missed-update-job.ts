import { SEKOIA_EVENT_JOB, storedEventPayload } from '../ingress/stored-event.ts';
import type { NewJob } from '../queue/job-queue.ts';
import type { ReminderJob } from './reminder-job.ts';

/**
 * An alert WebHook that Sekoia.io sent and the bot never got, queued as if it had come: the alert
 * is read again and goes through the normal path (rules, card-per-alert map), so a card is posted
 * where none is yet and edited where there is one. `created` when the bot never saw the alert, so
 * that alert-raised rules match as they would have; `updated` otherwise. The dedupe key makes it once.
 */
export function missedAlertEventJob(input: {
  alertUuid: string;
  action: 'created' | 'updated';
  key: string;
  now: number;
}): NewJob {
  const body = JSON.stringify({ type: 'alert', action: input.action, attributes: { uuid: input.alertUuid } });
  return {
    kind: SEKOIA_EVENT_JOB,
    payload: storedEventPayload({ body, receivedAt: input.now, requestId: input.key }),
    dedupeKeys: [input.key],
  };
}

/**
 * The `alert updated` WebHook a due reminder found missing (the status changed and no card shows it).
 * Once per reminder stage (the dedupe key), so a retried reminder queues it once.
 */
export function missedUpdateJob(job: ReminderJob, now: number): NewJob {
  const key = `missed-update:${job.alertUuid}:${job.channel.platform}:${job.channel.channel}:${job.stage}`;
  return missedAlertEventJob({ alertUuid: job.alertUuid, action: 'updated', key, now });
}
