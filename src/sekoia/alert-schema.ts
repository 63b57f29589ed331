import { z } from 'zod';
import { commentSchema } from './comment-schema.ts';
import { criticalitySchema } from './criticality-schema.ts';
import {
  nullableInstant,
  nullableNumber,
  nullableObject,
  nullableText,
  someItems,
  someName,
  someNumber,
  someObject,
  someText,
} from './lenient-fields.ts';

// Every object is loose: Sekoia adds fields over time and the bot must not break on them (reference §5).
// Every field but the alert's uuid is read leniently (lenient-fields.ts): a card with a missing title or
// an odd urgency is better than no card (issue 10).

export const alertEntitySchema = z.looseObject({ uuid: someText, name: someText });

export const alertUrgencySchema = z.looseObject({
  current_value: someNumber,
  value: nullableNumber,
  severity: nullableNumber,
  /** Asset criticality 0–100 (reference §5.1); read leniently: it only feeds `criticality>=N`. */
  criticity: criticalitySchema,
  display: nullableText,
});

export const alertTypeSchema = z.looseObject({ category: someText, value: someText });

export const alertStatusSchema = z.looseObject({
  uuid: someText,
  name: someText,
  description: nullableText,
});

/** Custom statuses and verdicts share a shape; their vocabulary is workspace-specific (reference §6.3). */
export const alertLabelSchema = z.looseObject({
  uuid: nullableText,
  label: nullableText,
  stage: nullableText,
  level: z.union([z.number(), z.string()]).nullish().catch(null),
});

export const alertRuleSchema = z.looseObject({
  uuid: someText,
  name: someText,
  description: nullableText,
  severity: nullableNumber,
  type: nullableText,
  pattern: nullableText,
});

export const stixReferenceSchema = z.looseObject({
  id: nullableText,
  type: nullableText,
  name: nullableText,
  description: nullableText,
});

export const alertSchema = z.looseObject({
  /** The one field without which the alert cannot be acted on or linked. */
  uuid: z.string().min(1),
  short_id: someName,
  title: someText,
  details: nullableText,
  community_uuid: nullableText,
  entity: nullableObject(alertEntitySchema),
  urgency: someObject(alertUrgencySchema),
  alert_type: nullableObject(alertTypeSchema),
  status: someObject(alertStatusSchema),
  custom_status_uuid: nullableText,
  custom_status: alertLabelSchema.nullish().catch(null),
  verdict_uuid: nullableText,
  verdict: alertLabelSchema.nullish().catch(null),
  rule: nullableObject(alertRuleSchema),
  detection_type: nullableText,
  source: nullableText,
  target: nullableText,
  similar: z
    .number()
    .int()
    .nullish()
    .catch(null)
    .transform((value) => value ?? 0),
  first_seen_at: nullableInstant,
  last_seen_at: nullableInstant,
  /** Unix seconds. */
  created_at: someNumber,
  /** Unix seconds. */
  updated_at: someNumber,
  assets: someItems(z.string()).transform((value) => value ?? []),
  kill_chain_short_id: nullableText,
  ttps: someItems(stixReferenceSchema),
  adversaries: someItems(stixReferenceSchema),
  comments: someItems(commentSchema),
  number_of_total_comments: nullableNumber,
  history: someItems(z.looseObject({})),
});

export type SekoiaAlert = z.infer<typeof alertSchema>;
export type SekoiaAlertEntity = z.infer<typeof alertEntitySchema>;
export type SekoiaAlertUrgency = z.infer<typeof alertUrgencySchema>;
export type SekoiaAlertType = z.infer<typeof alertTypeSchema>;
export type SekoiaAlertStatus = z.infer<typeof alertStatusSchema>;
export type SekoiaAlertLabel = z.infer<typeof alertLabelSchema>;
export type SekoiaAlertRule = z.infer<typeof alertRuleSchema>;
export type SekoiaStixReference = z.infer<typeof stixReferenceSchema>;
