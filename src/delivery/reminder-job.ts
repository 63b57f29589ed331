import { z } from 'zod';
import { encodeJob } from '../queue/encode-job.ts';
import type { NewJob } from '../queue/job-queue.ts';
import { jobType } from '../queue/job-type.ts';
import type { ChannelRef, RemindPlan } from '../rules/rule.ts';
import { cardJobSchema, channelKey } from './card-job.ts';

/** Job kind that says in a card's thread that its alert is still unacknowledged (`--remind`). */
export const REMINDER_JOB = 'card-reminder';

export const reminderJobSchema = z.strictObject({
  alertUuid: z.string().min(1),
  channel: cardJobSchema.shape.channel,
  /** The rule whose plan asked for it: read again when due (deleted, changed, muted since?). */
  ruleId: z.string().min(1),
  stage: z.enum(['remind', 'escalate']),
  /** Epoch ms at which the card was posted: the age the reply gives. */
  postedAt: z.number().finite(),
});

export type ReminderJob = z.infer<typeof reminderJobSchema>;

export const cardReminderJob = jobType(REMINDER_JOB, reminderJobSchema);

/**
 * The delayed jobs of a new card whose rule has a plan: one per stage, due its delay after the post.
 * One dedupe key per alert, channel and stage, so that a card job run again never reminds twice.
 */
export function reminderJobs(input: {
  alertUuid: string;
  channel: ChannelRef;
  ruleId: string;
  plan: RemindPlan;
  postedAt: number;
}): NewJob[] {
  const { plan, ...rest } = input;
  const stages = [
    { stage: 'remind' as const, afterMs: plan.afterMs },
    ...(plan.escalate === null ? [] : [{ stage: 'escalate' as const, afterMs: plan.escalate.afterMs }]),
  ];
  return stages.map(({ stage, afterMs }) =>
    encodeJob(
      cardReminderJob,
      { ...rest, stage },
      {
        runAt: input.postedAt + afterMs,
        dedupeKeys: [`reminder:${input.alertUuid}:${channelKey(input.channel)}:${stage}`],
      },
    ),
  );
}
