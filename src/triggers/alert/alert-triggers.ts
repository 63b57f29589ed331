import { type FactsOf, type KeySpecs, PERCENT } from '../key-spec.ts';
import { defineAlertTrigger } from '../trigger-definition.ts';

const ALERT_KEYS = {
  urgency: { kind: 'level', example: 'urgency>=high', ...PERCENT },
  status: { kind: 'ref', example: 'status=pending,acknowledged' },
  asset: { kind: 'ref', example: 'asset="db-01"' },
  entity: { kind: 'ref', example: 'entity="Lyon HQ"' },
  rule: { kind: 'ref', example: 'rule="Suspicious PowerShell"' },
  criticality: { kind: 'number', example: 'criticality>=50', ...PERCENT },
  type: { kind: 'text', example: 'type=malware' },
  community: { kind: 'uuid', example: 'community=<community UUID>' },
} as const satisfies KeySpecs;

const ALERT_UPDATED_KEYS = {
  ...ALERT_KEYS,
  change: { kind: 'enum', example: 'change=status', choices: ['status', 'urgency', 'occurrence'] },
  recurrence: { kind: 'number', example: 'recurrence>=10', min: 0, max: 1_000_000_000 },
} as const satisfies KeySpecs;

export type AlertFacts = FactsOf<'alert-raised' | 'alert-updated', typeof ALERT_UPDATED_KEYS>;

/**
 * Alerts keep their own path (delivery/create-event-job-handlers.ts: read through the API, rich card
 * with buttons); the table holds their keys. An alert update is also matched against `alert-raised`
 * rules on the alert's current state: "rules are evaluated again on every update, so an alert that
 * starts to match later is posted then" (spec §5). Delivery tells them apart by `rule.trigger`.
 */
export const alertRaisedTrigger = defineAlertTrigger({
  name: 'alert-raised',
  label: 'Alert raised',
  keys: ALERT_KEYS,
});

export const alertUpdatedTrigger = defineAlertTrigger({
  name: 'alert-updated',
  label: 'Alert updated',
  keys: ALERT_UPDATED_KEYS,
  alsoMatches: ['alert-raised'],
});
