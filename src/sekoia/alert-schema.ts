import { z } from 'zod';
import { commentSchema } from './comment-schema.ts';
import { criticalitySchema } from './criticality-schema.ts';

// Every object is loose: Sekoia adds fields over time and the bot must not break on them (reference §5).
const optionalText = z.string().nullish();
const optionalNumber = z.number().nullish();

export const alertEntitySchema = z.looseObject({ uuid: z.string(), name: z.string() });

export const alertUrgencySchema = z.looseObject({
  current_value: z.number(),
  value: optionalNumber,
  severity: optionalNumber,
  /** Asset criticality 0–100 (reference §5.1); read leniently: it only feeds `criticality>=N`. */
  criticity: criticalitySchema,
  display: optionalText,
});

export const alertTypeSchema = z.looseObject({ category: z.string(), value: z.string() });

export const alertStatusSchema = z.looseObject({
  uuid: z.string(),
  name: z.string(),
  description: optionalText,
});

/** Custom statuses and verdicts share a shape; their vocabulary is workspace-specific (reference §6.3). */
export const alertLabelSchema = z.looseObject({
  uuid: optionalText,
  label: optionalText,
  stage: optionalText,
  level: z.union([z.number(), z.string()]).nullish(),
});

export const alertRuleSchema = z.looseObject({
  uuid: z.string(),
  name: z.string(),
  description: optionalText,
  severity: optionalNumber,
  type: optionalText,
  pattern: optionalText,
});

export const stixReferenceSchema = z.looseObject({
  id: optionalText,
  type: optionalText,
  name: optionalText,
  description: optionalText,
});

export const alertSchema = z.looseObject({
  uuid: z.string().min(1),
  short_id: z.string().min(1),
  title: z.string(),
  details: optionalText,
  community_uuid: optionalText,
  entity: alertEntitySchema.nullable().default(null),
  urgency: alertUrgencySchema,
  alert_type: alertTypeSchema.nullable().default(null),
  status: alertStatusSchema,
  custom_status_uuid: optionalText,
  custom_status: alertLabelSchema.nullish(),
  verdict_uuid: optionalText,
  verdict: alertLabelSchema.nullish(),
  rule: alertRuleSchema.nullable().default(null),
  detection_type: optionalText,
  source: optionalText,
  target: optionalText,
  similar: z
    .number()
    .int()
    .nullish()
    .transform((value) => value ?? 0),
  first_seen_at: optionalText,
  last_seen_at: optionalText,
  /** Unix seconds. */
  created_at: z.number().int(),
  /** Unix seconds. */
  updated_at: z.number().int(),
  assets: z
    .array(z.string())
    .nullish()
    .transform((value) => value ?? []),
  kill_chain_short_id: optionalText,
  ttps: z.array(stixReferenceSchema).nullish(),
  adversaries: z.array(stixReferenceSchema).nullish(),
  comments: z.array(commentSchema).nullish(),
  number_of_total_comments: optionalNumber,
  history: z.array(z.looseObject({})).nullish(),
});

export type SekoiaAlert = z.infer<typeof alertSchema>;
export type SekoiaAlertEntity = z.infer<typeof alertEntitySchema>;
export type SekoiaAlertUrgency = z.infer<typeof alertUrgencySchema>;
export type SekoiaAlertType = z.infer<typeof alertTypeSchema>;
export type SekoiaAlertStatus = z.infer<typeof alertStatusSchema>;
export type SekoiaAlertLabel = z.infer<typeof alertLabelSchema>;
export type SekoiaAlertRule = z.infer<typeof alertRuleSchema>;
export type SekoiaStixReference = z.infer<typeof stixReferenceSchema>;
