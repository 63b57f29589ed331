import { alertRefreshJob } from '../delivery/alert-refresh-job.ts';
import { cardDeliveryJob } from '../delivery/card-job.ts';
import { compactDeliveryJob } from '../delivery/compact-job.ts';
import {
  type CreateCardJobHandlerOptions,
  createCardJobHandler,
} from '../delivery/create-card-job-handler.ts';
import { createCompactJobHandler } from '../delivery/create-compact-job-handler.ts';
import { createEventJobHandlers, type EventJobOptions } from '../delivery/create-event-job-handlers.ts';
import {
  createReminderJobHandler,
  type ReminderJobOptions,
} from '../delivery/create-reminder-job-handler.ts';
import { defineWatchJobs } from '../delivery/define-watch-jobs.ts';
import { cardReminderJob } from '../delivery/reminder-job.ts';
import { sekoiaEventJob } from '../ingress/sekoia-event-job.ts';
import { defineJob, defineJobs, type JobTable, type JobTableEntry } from '../queue/define-jobs.ts';
import { type CompactNotification, TRIGGER_TABLE } from '../triggers/trigger-table.ts';

/** Card jobs outlive a chat outage: with the 5-minute backoff cap this is about a day of trying. */
export const CARD_JOB_MAX_ATTEMPTS = 300;

/**
 * The job table: every kind the worker runs, its payload schema (declared beside its producer) and
 * its handler. The worker checks each payload against the schema before the handler sees it.
 */
export function composeJobs(deps: {
  events: EventJobOptions;
  cards: CreateCardJobHandlerOptions;
  /** The rules a reminder reads again when due (the alert is read again through `events.sekoia`). */
  reminders: Pick<ReminderJobOptions, 'rules'>;
  /** Kinds composed elsewhere (the roll-up cards'). */
  more?: readonly JobTableEntry[];
}): JobTable {
  const events = createEventJobHandlers(deps.events);
  const { sinks, cards, states, clock, lock } = deps.cards;
  const { sekoia } = deps.events;
  return defineJobs([
    defineJob(sekoiaEventJob, { handle: events.sekoiaEvent }),
    defineJob(alertRefreshJob, { handle: events.alertRefresh }),
    // One row per trigger fed by a watcher (`watch` in its definition): rule-added, intake-silence.
    ...defineWatchJobs<CompactNotification['facts']>(TRIGGER_TABLE, {
      deliver: (notification) => deps.events.delivery.deliver(notification),
      appUrl: deps.events.appUrl,
    }),
    defineJob(cardDeliveryJob, {
      // A new card of a rule with `--remind` queues its reminders.
      handle: createCardJobHandler({ ...deps.cards, enqueue: deps.events.enqueue }),
      maxAttempts: CARD_JOB_MAX_ATTEMPTS,
    }),
    defineJob(compactDeliveryJob, {
      handle: createCompactJobHandler({ sinks, cards, clock, ...(lock ? { lock } : {}) }),
      maxAttempts: CARD_JOB_MAX_ATTEMPTS,
    }),
    defineJob(cardReminderJob, {
      handle: createReminderJobHandler({
        ...{ sinks, cards, states, clock, sekoia, enqueue: deps.events.enqueue },
        ...deps.reminders,
      }),
      maxAttempts: CARD_JOB_MAX_ATTEMPTS,
    }),
    ...(deps.more ?? []),
  ]);
}
