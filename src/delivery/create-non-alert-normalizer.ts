import type { StoredEvent } from '../ingress/stored-event.ts';
import type { Logger } from '../log.ts';
import { eventRef } from '../normalize/normalize-alert.ts';
import { normalizeOther } from '../normalize/normalize-other.ts';
import type { Job } from '../queue/job-queue.ts';
import type { TriggerPorts } from '../triggers/trigger-ports.ts';
import { type Notification, TRIGGER_TABLE } from '../triggers/trigger-table.ts';

export interface NonAlertOptions extends TriggerPorts {
  appUrl: string;
  /** Attempts at reading the API before the card is posted from the WebHook alone. */
  enrichAttempts: number;
}

/**
 * Every stored WebHook that is not a created / updated alert: offered to each trigger of the table
 * that takes WebHooks (reports are read through the Intelligence API, the rest from the WebHook);
 * one that no trigger takes is kept as "other". Throws (for the queue to retry) only while an API
 * read may still heal.
 */
export function createNonAlertNormalizer(
  options: NonAlertOptions,
): (stored: StoredEvent, job: Job, log: Logger) => Promise<Notification> {
  const { appUrl, enrichAttempts, ...ports } = options;
  return async (stored: StoredEvent, job: Job, log: Logger): Promise<Notification> => {
    const input = {
      event: eventRef(stored, job.id),
      attributes: stored.event.attributes,
      appUrl,
      ports,
      attempts: job.attempts,
      enrichAttempts,
      log,
    };
    for (const definition of TRIGGER_TABLE) {
      const notification = 'fromWebhook' in definition ? await definition.fromWebhook(input) : undefined;
      if (notification !== undefined) return notification;
    }
    return normalizeOther(stored, job.id);
  };
}
