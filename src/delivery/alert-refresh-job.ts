import { z } from 'zod';
import { readStoredEvent } from '../ingress/stored-event.ts';
import { jobType } from '../queue/job-type.ts';

/** Job kind that completes a card first posted from the WebHook alone, once the API answers. */
export const ALERT_REFRESH_JOB = 'alert-refresh';

export const alertRefreshJob = jobType(
  ALERT_REFRESH_JOB,
  z.object({
    /** The stored notification, read as leniently as the WebHook job reads it. */
    stored: z.unknown().transform((value) => readStoredEvent(value)),
    /** The WebHook job's id: the card's event id. */
    eventId: z.string().min(1),
  }),
);

export type AlertRefreshJob = z.infer<typeof alertRefreshJob.payload>;
