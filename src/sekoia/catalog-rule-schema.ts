import { z } from 'zod';
import { nullableInstant, nullableText, someName } from './lenient-fields.ts';
import { sekoiaUuidSchema } from './sekoia-uuid-schema.ts';

/**
 * A Rules Catalog rule (reference §10.1; field types from Sekoia's own rule schema, S26). Loose: the
 * rule has many more fields. Only the uuid is strict (the catalog watch keys rules by it); a field of
 * an unexpected type reads as absent, so one odd rule cannot make a whole page unreadable (issue 10).
 */
export const catalogRuleSchema = z.looseObject({
  uuid: sekoiaUuidSchema,
  /** S26: 5–100 characters; a card without it names the rule by uuid. */
  name: someName,
  description: nullableText,
  /** The rule body, shown and matched as the "pattern" condition. */
  payload: nullableText,
  /** 0–100 (S26: integer). */
  severity: z.number().min(0).max(100).optional().catch(undefined),
  // S26 leaves the JSON type of `type` open ("sigma" in practice): an unexpected shape is dropped, not fatal.
  type: nullableText,
  enabled: z.boolean().nullish().catch(null),
  /** ISO-8601 date-time (S26); Unix seconds or milliseconds are turned into one. */
  created_at: nullableInstant,
  updated_at: nullableInstant,
});

export type CatalogRule = z.infer<typeof catalogRuleSchema>;
