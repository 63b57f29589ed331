/** The six triggers and the condition keys each accepts (spec §5, "Triggers and their condition keys"). */

export const TRIGGERS = [
  'alert-raised',
  'alert-updated',
  'report',
  'rule-added',
  'intake-silent',
  'playbook-error',
] as const;
export type Trigger = (typeof TRIGGERS)[number];

export const CONDITION_KEYS = [
  'urgency',
  'status',
  'asset',
  'entity',
  'rule',
  'criticality',
  'type',
  'community',
  'change',
  'recurrence',
  'name',
  'description',
  'threat',
  'sector',
  'country',
  'tlp',
  'confidence',
  'flint',
  'pattern',
  'severity',
  'intake',
  'for',
  'playbook',
  'crashed',
] as const;
export type ConditionKey = (typeof CONDITION_KEYS)[number];

const ALERT_KEYS = [
  'urgency',
  'status',
  'asset',
  'entity',
  'rule',
  'criticality',
  'type',
  'community',
] as const satisfies readonly ConditionKey[];

export const TRIGGER_KEYS: Readonly<Record<Trigger, readonly ConditionKey[]>> = {
  'alert-raised': ALERT_KEYS,
  'alert-updated': [...ALERT_KEYS, 'change', 'recurrence'],
  report: ['name', 'description', 'threat', 'sector', 'country', 'tlp', 'confidence', 'flint'],
  'rule-added': ['name', 'description', 'pattern', 'severity'],
  'intake-silent': ['intake', 'for'],
  'playbook-error': ['playbook', 'crashed'],
};

/** Keys a rule of the trigger must have, each once, with `=`. */
export const REQUIRED_KEYS: Readonly<Record<Trigger, readonly ConditionKey[]>> = {
  'alert-raised': [],
  'alert-updated': [],
  report: [],
  'rule-added': [],
  'intake-silent': ['intake', 'for'],
  'playbook-error': [],
};

/**
 * Which rules a notification of a trigger is matched against. An alert update is also matched
 * against `alert-raised` rules on the alert's current state: "rules are evaluated again on every
 * update, so an alert that starts to match later is posted then" (spec §5). Delivery tells them
 * apart by `rule.trigger` (post-or-edit for `alert-raised`, update reply for `alert-updated`).
 */
export const TRIGGERS_MATCHED_BY: Readonly<Record<Trigger, readonly Trigger[]>> = {
  'alert-raised': ['alert-raised'],
  'alert-updated': ['alert-updated', 'alert-raised'],
  report: ['report'],
  'rule-added': ['rule-added'],
  'intake-silent': ['intake-silent'],
  'playbook-error': ['playbook-error'],
};

export function isTrigger(value: string): value is Trigger {
  return (TRIGGERS as readonly string[]).includes(value);
}

export function isConditionKey(value: string): value is ConditionKey {
  return (CONDITION_KEYS as readonly string[]).includes(value);
}
