import { z } from 'zod';
import { jobType } from '../queue/job-type.ts';
import { notifyListSchema } from '../rules/notify-list-schema.ts';
import { platformIdSchema } from '../rules/platform-id.ts';
import { remindPlanSchema } from '../rules/remind-plan-schema.ts';
import type { ChannelRef } from '../rules/rule.ts';
import { cardLaneSchema } from './card-lane.ts';

/** Job kind that brings one alert's card in one channel up to date (posting it first if needed). */
export const CARD_JOB = 'card-delivery';

export const cardJobSchema = z.strictObject({
  alertUuid: z.string().min(1),
  channel: z.strictObject({
    platform: platformIdSchema,
    team: z.string(),
    channel: z.string().min(1),
  }),
  /** The channel's rule that matched; null when the job only updates a card already posted. */
  rule: z
    .strictObject({
      id: z.string().min(1),
      name: z.string().nullable(),
      /** Who a new card of the rule pings; absent on jobs queued before `--notify` existed. */
      notify: notifyListSchema.optional(),
      /** Its `--remind` plan, scheduled when the card is first posted; absent on older jobs. */
      remind: remindPlanSchema.optional(),
    })
    .nullable(),
  /** Its turn at the platform (card-lane.ts): a click's refresh, a channel's first card; else `update`. */
  lane: cardLaneSchema.optional(),
});

export type CardJob = z.infer<typeof cardJobSchema>;

export const cardDeliveryJob = jobType(CARD_JOB, cardJobSchema);

export function channelKey(channel: ChannelRef): string {
  return [channel.platform, channel.team, channel.channel].map(encodeURIComponent).join('/');
}
