import { z } from 'zod';
import { MENTION_NAME } from './read-notify-option.ts';
import type { NotifyList } from './rule.ts';

/** A rule's `--notify` list as stored and as carried by a card job: checked, never trusted. */
export const notifyListSchema: z.ZodType<NotifyList> = z.object({
  mentions: z
    .array(
      z.object({
        name: z
          .string()
          .regex(MENTION_NAME)
          .refine((name) => name !== 'all'),
      }),
    )
    .min(1),
  minUrgency: z.enum(['low', 'medium', 'high']).nullable(),
});
