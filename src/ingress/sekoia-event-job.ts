import { z } from 'zod';
import { jobType } from '../queue/job-type.ts';
import { readStoredEvent, SEKOIA_EVENT_JOB } from './stored-event.ts';

/**
 * The WebHook job: any JSON is accepted and read leniently (a shape the normalizers cannot read is
 * kept as "other"); only a payload that is not JSON at all is refused. Written by
 * `storedEventPayload`, not `encodeJob`, to keep the bytes as received. (Apart from stored-event.ts
 * so that the queue's thread, which writes that payload, does not load zod.)
 */
export const sekoiaEventJob = jobType(
  SEKOIA_EVENT_JOB,
  z.unknown().transform((value) => readStoredEvent(value)),
);
