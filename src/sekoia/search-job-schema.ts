import { z } from 'zod';
import { sekoiaUuidSchema } from './sekoia-uuid-schema.ts';

/** Event search job states (reference §9, S16). */
export const SEARCH_JOB_STATUS = { notStarted: 0, running: 1, done: 2, canceled: 3, failed: 4 } as const;

export type SearchJobStatus = (typeof SEARCH_JOB_STATUS)[keyof typeof SEARCH_JOB_STATUS];

export interface SearchJob {
  uuid: string;
  status: SearchJobStatus;
  /** Matching events; only final once `status` is done (2). */
  total?: number;
}

export const searchJobSchema = z
  .looseObject({
    uuid: sekoiaUuidSchema,
    status: z.literal([0, 1, 2, 3, 4]),
    total: z.number().int().min(0).nullish(),
  })
  .transform(
    ({ uuid, status, total }): SearchJob =>
      total === null || total === undefined ? { uuid, status } : { uuid, status, total },
  );

/**
 * A search result event. Its keys are flattened (`sekoiaio.intake.uuid`, reference §9); the event time
 * is `timestamp`, with `event.created` as the documented fallback.
 */
export const searchEventSchema = z
  .looseObject({ timestamp: z.string().min(1).nullish(), 'event.created': z.string().min(1).nullish() })
  .transform((event, context) => {
    const timestamp = event.timestamp ?? event['event.created'];
    if (timestamp === null || timestamp === undefined) {
      context.issues.push({ code: 'custom', path: ['timestamp'], message: 'required', input: event });
      return z.NEVER;
    }
    return { ...event, timestamp };
  });

export type SekoiaSearchEvent = z.output<typeof searchEventSchema>;
