import { z } from 'zod';
import { encodeJob } from '../queue/encode-job.ts';
import type { NewJob } from '../queue/job-queue.ts';
import { jobType } from '../queue/job-type.ts';

/** Job kind that closes a catch-up batch: each channel gets its held cards, or one summary. */
export const CATCH_UP_CLOSE_JOB = 'catch-up-close';

const catchUpRefSchema = z.strictObject({ batchId: z.string().min(1).max(40) });

export type CatchUpRef = z.infer<typeof catchUpRefSchema>;

export const catchUpCloseJob = jobType(CATCH_UP_CLOSE_JOB, catchUpRefSchema);

/**
 * The close of a batch at `runAt`: `complete` once its last alert is dispatched, `due` as a fallback
 * when one never is (its read kept failing). The key makes each once; the second finds it closed.
 */
export function catchUpClose(ref: CatchUpRef, runAt: number, why: 'complete' | 'due'): NewJob {
  return encodeJob(catchUpCloseJob, ref, { dedupeKeys: [`catch-up-close:${ref.batchId}:${why}`], runAt });
}
