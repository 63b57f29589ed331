import { z } from 'zod';
import { MENTION_NAME } from './read-notify-option.ts';
import type { Mention, NotifyList } from './rule.ts';

/** Names a rule pings, as stored and as carried by a job: checked, never trusted. */
export const mentionListSchema: z.ZodType<Mention[]> = z
  .array(
    z.object({
      name: z
        .string()
        .regex(MENTION_NAME)
        .refine((name) => name !== 'all'),
    }),
  )
  .min(1);

/** A rule's `--notify` list as stored and as carried by a card job. */
export const notifyListSchema: z.ZodType<NotifyList> = z.object({
  mentions: mentionListSchema,
  minUrgency: z.enum(['low', 'medium', 'high']).nullable(),
});
