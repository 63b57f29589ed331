import { encodeJob } from '../queue/encode-job.ts';
import { JOB_PRIORITY, type NewJob } from '../queue/job-queue.ts';
import { type CardJob, cardDeliveryJob } from './card-job.ts';
import type { CardStore } from './card-store.ts';

/** Brings every card of an alert up to date (after an action from chat changed it). */
export type CardRefresher = (alertUuid: string) => Promise<void>;

export function createCardRefresher(options: {
  cards: CardStore;
  enqueue: (job: NewJob) => Promise<unknown>;
}): CardRefresher {
  return async (alertUuid) => {
    for (const channel of await options.cards.channelsOf(alertUuid)) {
      // Someone clicked and waits for the card: claimed first, and first at the platform.
      const job: CardJob = { alertUuid, channel, rule: null, lane: 'click' };
      await options.enqueue(encodeJob(cardDeliveryJob, job, { priority: JOB_PRIORITY.urgent }));
    }
  };
}
