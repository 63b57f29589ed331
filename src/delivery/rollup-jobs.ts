import { z } from 'zod';
import { jobType } from '../queue/job-type.ts';
import { channelRefSchema } from './storm-policy.ts';

/** Job kind that posts or edits a channel's roll-up card to the roll-up's current state. */
export const ROLLUP_JOB = 'rollup-delivery';
/** Job kind that closes a channel's roll-up once no alert went into it for a window. */
export const STORM_CALM_JOB = 'storm-calm';

const stormRefSchema = z.strictObject({
  channel: channelRefSchema,
  stormId: z.string().min(1).max(40),
});

/** Which storm of which channel. */
export type StormRef = z.infer<typeof stormRefSchema>;

export const rollupDeliveryJob = jobType(ROLLUP_JOB, stormRefSchema);
export const stormCalmJob = jobType(STORM_CALM_JOB, stormRefSchema);
