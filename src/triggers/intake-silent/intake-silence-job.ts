import { z } from 'zod';
import { jobType } from '../../queue/job-type.ts';

/** An intake silent, or back after a silence (the intake-silence check writes its IntakeSilence). */
export const intakeSilenceJob = jobType(
  'intake-silence',
  z.object({
    intake: z.object({ uuid: z.string().min(1).max(64), name: z.string().max(1_000).optional() }),
    silentSince: z.number().finite(),
    silentForMs: z.number().min(0),
    backAt: z.number().finite().optional(),
  }),
);

export type IntakeSilenceJob = z.infer<typeof intakeSilenceJob.payload>;
