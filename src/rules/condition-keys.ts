import type { KeyKind, KeySpec } from '../triggers/key-spec.ts';
import type { Operator } from './rule.ts';
import { CONDITION_KEYS, type ConditionKey, TABLE_KEY_SPECS } from './triggers.ts';

export type { KeyKind, KeySpec } from '../triggers/key-spec.ts';

/** Each condition key's kind, example and bounds, from the triggers that take it. */
export const KEY_SPECS: Readonly<Record<ConditionKey, KeySpec>> = TABLE_KEY_SPECS;

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
export const SINGLE_KEYS: ReadonlySet<ConditionKey> = new Set(
  CONDITION_KEYS.filter((key) => KEY_SPECS[key].single === true),
);
