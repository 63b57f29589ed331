import { z } from 'zod';
import { notifyListSchema } from '../rules/notify-list-schema.ts';
import { platformIdSchema } from '../rules/platform-id.ts';
import { remindPlanSchema } from '../rules/remind-plan-schema.ts';
import type { Rule } from '../rules/rule.ts';
import { OPERATORS } from '../rules/rule.ts';
import { CONDITION_KEYS, TRIGGERS } from '../rules/triggers.ts';

const userSchema = z.object({ id: z.string(), name: z.string() });

const channelSchema = z.object({
  platform: platformIdSchema,
  team: z.string(),
  channel: z.string(),
});

const conditionSchema = z.object({
  key: z.enum(CONDITION_KEYS),
  op: z.enum(OPERATORS),
  values: z.array(z.string()).min(1),
});

const muteSchema = z.object({
  until: z.number().finite(),
  reason: z.string().exactOptional(),
  by: userSchema,
});

/** A rule read back from storage: checked, never trusted (another version or a hand edit wrote it). */
export const ruleSchema: z.ZodType<Rule> = z.object({
  id: z.string().min(1),
  channel: channelSchema,
  trigger: z.enum(TRIGGERS),
  conditions: z.array(conditionSchema),
  name: z.string().exactOptional(),
  // Rules stored before `--notify` existed have no such field: they keep working, silently.
  notify: notifyListSchema.exactOptional(),
  // …nor before `--remind`.
  remind: remindPlanSchema.exactOptional(),
  createdBy: userSchema,
  createdAt: z.number().finite(),
  mute: muteSchema.nullable(),
  matchCount: z.number().int().min(0),
  lastMatchAt: z.number().finite().nullable(),
});

export const idListSchema = z.array(z.string());

/** Just the channel of a stored rule, for cleaning up after a rule that fails ruleSchema. */
export const ruleChannelSchema = z.object({ channel: channelSchema });
