import { createTriggerCatalog } from '../triggers/create-trigger-catalog.ts';
import { TRIGGER_TABLE } from '../triggers/trigger-table.ts';

/** The triggers and their condition keys, as listed in triggers/trigger-table.ts (spec §5). */
const CATALOG = createTriggerCatalog(TRIGGER_TABLE);

export const TRIGGERS = CATALOG.triggers;
export type Trigger = (typeof TRIGGERS)[number];

export const CONDITION_KEYS = CATALOG.conditionKeys;
export type ConditionKey = (typeof CONDITION_KEYS)[number];

export const TRIGGER_KEYS = CATALOG.keysOf;

/** Keys a rule of the trigger must have, each once, with `=`. */
export const REQUIRED_KEYS = CATALOG.requiredKeysOf;

/**
 * Which rules a notification of a trigger is matched against. Delivery tells them apart by
 * `rule.trigger` (post-or-edit for `alert-raised`, update reply for `alert-updated`).
 */
export const TRIGGERS_MATCHED_BY = CATALOG.matchedBy;

/** Each condition key's kind and example (the triggers that take it agree on them). */
export const TABLE_KEY_SPECS = CATALOG.keySpecs;

/** Each trigger in words (the compact card's headline when it has none of its own). */
export const TRIGGER_LABELS = CATALOG.labels;

export function isTrigger(value: string): value is Trigger {
  return (TRIGGERS as readonly string[]).includes(value);
}

export function isConditionKey(value: string): value is ConditionKey {
  return (CONDITION_KEYS as readonly string[]).includes(value);
}
