import { z } from 'zod';
import { sekoiaUuidSchema } from './sekoia-uuid-schema.ts';

/**
 * A Rules Catalog rule (reference §10.1; field types from Sekoia's own rule schema, S26). Loose: the
 * rule has many more fields. Strict on what the `rule-added` trigger uses: uuid, name, severity.
 */
export const catalogRuleSchema = z.looseObject({
  uuid: sekoiaUuidSchema,
  name: z.string().min(1),
  description: z.string().nullish(),
  /** The rule body, shown and matched as the "pattern" condition. */
  payload: z.string().nullish(),
  /** 0–100. */
  severity: z.number().int().min(0).max(100),
  // S26 leaves the JSON type of `type` open ("sigma" in practice): an unexpected shape is dropped, not fatal.
  type: z.string().nullish().catch(null),
  enabled: z.boolean().nullish(),
  /** ISO-8601 date-time. */
  created_at: z.string().nullish(),
  updated_at: z.string().nullish(),
});

export type CatalogRule = z.infer<typeof catalogRuleSchema>;
