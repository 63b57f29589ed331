import { z } from 'zod';
import { MAX_MENTION_ID_LENGTH, MAX_MENTION_LABEL_LENGTH, MENTION_NAME } from './read-notify-option.ts';
import type { Mention, NotifyList } from './rule.ts';

/** Control and bidi-override characters: a display name carrying them was not given by the platform. */
const HIDDEN = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;

/** A mention by id (`<at>` entity): the id and the display name that came with it. */
const mentionById = z.strictObject({
  name: z
    .string()
    .min(1)
    .max(MAX_MENTION_LABEL_LENGTH)
    .refine((name) => !HIDDEN.test(name)),
  id: z
    .string()
    .min(1)
    .max(MAX_MENTION_ID_LENGTH)
    .refine((id) => !HIDDEN.test(id)),
  group: z.literal(true).exactOptional(),
});

/** A mention by name (`@oncall`); stored rules from before ids existed are all of this kind. */
const mentionByName = z.strictObject({
  name: z
    .string()
    .regex(MENTION_NAME)
    .refine((name) => name !== 'all'),
});

/** One `--notify` target as stored or queued: by id when it has one, else by a checked name. */
export const mentionSchema: z.ZodType<Mention> = z.union([mentionById, mentionByName]);

/** Who a rule pings (`--notify`, `--escalate`), as stored and as carried by a job: checked, never trusted. */
export const mentionListSchema: z.ZodType<Mention[]> = z.array(mentionSchema).min(1);

/** A rule's `--notify` list as stored and as carried by a card job. */
export const notifyListSchema: z.ZodType<NotifyList> = z.object({
  mentions: mentionListSchema,
  minUrgency: z.enum(['low', 'medium', 'high']).nullable(),
});
