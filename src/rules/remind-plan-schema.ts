import { z } from 'zod';
import { mentionListSchema } from './notify-list-schema.ts';
import { ESCALATE_LIMITS, REMIND_LIMITS } from './read-remind-option.ts';
import type { RemindPlan } from './rule.ts';

const within = (limits: { min: number; max: number }) => z.number().int().min(limits.min).max(limits.max);

/** A rule's `--remind` plan as stored and as carried by a card job: checked, never trusted. */
export const remindPlanSchema: z.ZodType<RemindPlan> = z.object({
  afterMs: within(REMIND_LIMITS),
  escalate: z.object({ mentions: mentionListSchema, afterMs: within(ESCALATE_LIMITS) }).nullable(),
});
