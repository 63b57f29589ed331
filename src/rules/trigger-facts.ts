import type { FactValue, KeyKind } from '../triggers/key-spec.ts';
import type { AnyTrigger } from '../triggers/trigger-table.ts';
import { KEY_SPECS } from './condition-keys.ts';
import { CONDITION_KEYS, type ConditionKey, type Trigger } from './triggers.ts';

export type { FactRef } from '../triggers/key-spec.ts';

/** The kind of a key, from the triggers that take it. */
type KindOf<K extends ConditionKey> = AnyTrigger['keys'] extends infer Keys
  ? Keys extends Readonly<Record<K, { kind: infer Kind extends KeyKind }>>
    ? Kind
    : never
  : never;

/**
 * What rules are matched against, keyed by condition key: alerts get it from alertFacts(), the
 * other triggers from their normalizers (each typed by its own keys, and so one of these). An absent
 * field is "unknown": conditions on it do not hold, except `!=`, which does (the value is not the one
 * excluded).
 */
export type TriggerFacts = { trigger: Trigger } & { [K in ConditionKey]?: FactValue<KindOf<K>> | undefined };

const ofKinds = (...kinds: readonly string[]) =>
  CONDITION_KEYS.filter((key) => kinds.includes(KEY_SPECS[key].kind));

/** Keys by the form prepareFacts gives their values (`tlp` has its own). */
export const NUMBER_FACTS = ofKinds('level', 'number', 'duration');
export const FLAG_FACTS = ofKinds('boolean');
export const REF_FACTS = ofKinds('ref', 'uuid');
export const TEXT_FACTS = ofKinds('text', 'enum');
