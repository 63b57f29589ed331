import type { Operator } from './rule.ts';
import type { ConditionKey } from './triggers.ts';

/**
 * What a key's values are:
 * - `level`: 0–100 or `low` / `medium` / `high` (urgency);
 * - `number`: a whole number from 0 to `max`;
 * - `tlp`: an ordered TLP colour (`amber` covers AMBER and AMBER+STRICT, see ordered-values.ts);
 * - `ref`: a UUID (compared to the id) or a name (compared to the name, case-insensitively);
 * - `uuid`: a UUID only (community: the notification carries no community name);
 * - `text`: free text compared case-insensitively;
 * - `enum`: one of `choices`;
 * - `boolean`: `true` or `false`;
 * - `duration`: like `2h`, between `min` and `max` ms.
 */
export type KeyKind = 'level' | 'number' | 'tlp' | 'ref' | 'uuid' | 'text' | 'enum' | 'boolean' | 'duration';

export interface KeySpec {
  kind: KeyKind;
  /** Shown in error messages and help. */
  example: string;
  min?: number;
  max?: number;
  choices?: readonly string[];
}

const MINUTE = 60_000;
const PERCENT = { min: 0, max: 100 };

export const KEY_SPECS: Readonly<Record<ConditionKey, KeySpec>> = {
  urgency: { kind: 'level', example: 'urgency>=high', ...PERCENT },
  status: { kind: 'ref', example: 'status=pending,acknowledged' },
  asset: { kind: 'ref', example: 'asset="db-01"' },
  entity: { kind: 'ref', example: 'entity="Lyon HQ"' },
  rule: { kind: 'ref', example: 'rule="Suspicious PowerShell"' },
  criticality: { kind: 'number', example: 'criticality>=50', ...PERCENT },
  type: { kind: 'text', example: 'type=malware' },
  community: { kind: 'uuid', example: 'community=<community UUID>' },
  change: { kind: 'enum', example: 'change=status', choices: ['status', 'urgency', 'occurrence'] },
  recurrence: { kind: 'number', example: 'recurrence>=10', min: 0, max: 1_000_000_000 },
  name: { kind: 'text', example: 'name~ransomware' },
  description: { kind: 'text', example: 'description~phishing' },
  threat: { kind: 'text', example: 'threat~lockbit' },
  sector: { kind: 'text', example: 'sector=finance' },
  country: { kind: 'text', example: 'country=france' },
  tlp: { kind: 'tlp', example: 'tlp=amber,red' },
  confidence: { kind: 'number', example: 'confidence>=70', ...PERCENT },
  flint: { kind: 'boolean', example: 'flint=true' },
  pattern: { kind: 'text', example: 'pattern~powershell' },
  severity: { kind: 'number', example: 'severity>=75', ...PERCENT },
  intake: { kind: 'ref', example: 'intake="Firewall EU"' },
  for: { kind: 'duration', example: 'for=2h', min: 15 * MINUTE, max: 24 * 60 * MINUTE },
  playbook: { kind: 'ref', example: 'playbook="Enrich IP"' },
  crashed: { kind: 'boolean', example: 'crashed=true' },
};

const ORDERED: readonly Operator[] = ['=', '!=', '>=', '<=', '>', '<'];
const TEXTUAL: readonly Operator[] = ['=', '!=', '~'];
const EQUALITY: readonly Operator[] = ['=', '!='];

export const OPERATORS_OF_KIND: Readonly<Record<KeyKind, readonly Operator[]>> = {
  level: ORDERED,
  number: ORDERED,
  tlp: ORDERED,
  ref: TEXTUAL,
  uuid: EQUALITY,
  text: TEXTUAL,
  enum: EQUALITY,
  boolean: EQUALITY,
  // `for=2h` reads "silent for at least 2h"; other operators would add nothing.
  duration: ['='],
};

/** Kinds where a comma list ("any of") makes sense with `=`, `!=` and `~`. */
export const LIST_KINDS: ReadonlySet<KeyKind> = new Set([
  'level',
  'number',
  'tlp',
  'ref',
  'uuid',
  'text',
  'enum',
]);

/** Keys that may appear once per rule. */
export const SINGLE_KEYS: ReadonlySet<ConditionKey> = new Set(['for', 'flint', 'crashed', 'intake']);
