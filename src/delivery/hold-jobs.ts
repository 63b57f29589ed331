import { z } from 'zod';
import { encodeJob } from '../queue/encode-job.ts';
import type { NewJob } from '../queue/job-queue.ts';
import { jobType } from '../queue/job-type.ts';
import { channelRefSchema } from './storm-policy.ts';
import { stormChannelKey } from './storm-store.ts';

/** Job kind that releases a channel's held batch: posts its summary once its window opens or closes. */
export const HOLD_RELEASE_JOB = 'hold-release';

const heldRefSchema = z.strictObject({ channel: channelRefSchema, batchId: z.string().min(1).max(40) });

/** Which batch of which channel. */
export type HeldRef = z.infer<typeof heldRefSchema>;

export const holdReleaseJob = jobType(HOLD_RELEASE_JOB, heldRefSchema);

/**
 * The release of a batch at `runAt`. The key makes it once across replicas and restarts; `why`
 * tells an early release (`maintenance end`, hours changed) from the scheduled one, which stays
 * queued and finds the batch released.
 */
export function holdRelease(ref: HeldRef, runAt: number, why = 'due'): NewJob {
  const key = `hold-release:${stormChannelKey(ref.channel)}:${ref.batchId}:${why}`;
  return encodeJob(holdReleaseJob, ref, { dedupeKeys: [key], runAt });
}
