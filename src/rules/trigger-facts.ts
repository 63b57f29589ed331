import type { Trigger } from './triggers.ts';

/** Something a condition can name by UUID or by name. */
export interface FactRef {
  uuid?: string | undefined;
  name?: string | undefined;
}

/**
 * What rules are matched against, keyed by condition key: alerts get it from alertFacts(), the
 * other triggers from their normalizers. An absent field is "unknown": conditions on it do not hold,
 * except `!=`, which does (the value is not the one excluded).
 */
export interface TriggerFacts {
  trigger: Trigger;
  /** 0–100. */
  urgency?: number | undefined;
  /** Asset criticality 0–100, when known. */
  criticality?: number | undefined;
  /** Occurrence count of the alert. */
  recurrence?: number | undefined;
  confidence?: number | undefined;
  severity?: number | undefined;
  /** intake-silent: how long the intake has been silent, in ms; `for=2h` holds from 2h on. */
  for?: number | undefined;
  flint?: boolean | undefined;
  crashed?: boolean | undefined;
  status?: readonly FactRef[] | undefined;
  asset?: readonly FactRef[] | undefined;
  entity?: readonly FactRef[] | undefined;
  rule?: readonly FactRef[] | undefined;
  community?: readonly FactRef[] | undefined;
  intake?: readonly FactRef[] | undefined;
  playbook?: readonly FactRef[] | undefined;
  /** Alert type category and value (`type=malware` matches either). */
  type?: readonly string[] | undefined;
  /** alert-updated: `status`, `urgency`, `occurrence`. */
  change?: readonly string[] | undefined;
  name?: readonly string[] | undefined;
  description?: readonly string[] | undefined;
  threat?: readonly string[] | undefined;
  sector?: readonly string[] | undefined;
  country?: readonly string[] | undefined;
  pattern?: readonly string[] | undefined;
  /** `white`/`clear`, `green`, `amber`, `amber+strict`, `red`, with or without `TLP:`. */
  tlp?: string | undefined;
}

export const NUMBER_FACTS = [
  'urgency',
  'criticality',
  'recurrence',
  'confidence',
  'severity',
  'for',
] as const;
export const FLAG_FACTS = ['flint', 'crashed'] as const;
export const REF_FACTS = ['status', 'asset', 'entity', 'rule', 'community', 'intake', 'playbook'] as const;
export const TEXT_FACTS = [
  'type',
  'change',
  'name',
  'description',
  'threat',
  'sector',
  'country',
  'pattern',
] as const;
