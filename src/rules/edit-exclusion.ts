import { canonicalValue } from './canonical-value.ts';
import type { Condition, Rule } from './rule.ts';
import { TRIGGER_KEYS } from './triggers.ts';

/** The facts a card offers to exclude from the rule that posted it ("Not for this channel"). */
export const EXCLUSION_KEYS = ['entity', 'rule'] as const;
export type ExclusionKey = (typeof EXCLUSION_KEYS)[number];

export interface Exclusion {
  key: ExclusionKey;
  /** An entity's or a detection rule's name (or UUID when it has none), as the alert gives it. */
  value: string;
}

/** Why an exclusion cannot go on a rule, or undefined when it can. */
export type ExclusionBlock = 'not-a-key' | 'only-matches-it' | 'invalid-value';

/**
 * Whether `key!=value` keeps the rule meaningful: the rule's trigger takes the key, and the rule has
 * no `=` condition on it (`entity="Lyon HQ"` plus `entity!="Lyon HQ"` would never match again; with
 * `entity=A,B` it would be a different change, dropping A from a list, left to `subscribe`).
 */
export function exclusionBlock(rule: Pick<Rule, 'trigger' | 'conditions'>, exclusion: Exclusion) {
  if (!(TRIGGER_KEYS[rule.trigger] as readonly string[]).includes(exclusion.key)) return 'not-a-key';
  if (rule.conditions.some(({ key, op }) => key === exclusion.key && op === '=')) return 'only-matches-it';
  try {
    canonicalValue(exclusion.key, exclusion.value);
  } catch {
    // A value no condition could hold (control characters, too long): nothing to add.
    return 'invalid-value';
  }
  return undefined;
}

const sameValue = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * The conditions with `key!=value` added: merged into the rule's existing `key!=` condition ("none
 * of"), or as a new condition. Unchanged when the value is excluded already.
 */
export function addExclusion(conditions: readonly Condition[], exclusion: Exclusion): Condition[] {
  const value = canonicalValue(exclusion.key, exclusion.value);
  const index = conditions.findIndex(({ key, op }) => key === exclusion.key && op === '!=');
  const existing = conditions[index];
  if (existing === undefined) return [...conditions, { key: exclusion.key, op: '!=', values: [value] }];
  if (existing.values.some((v) => sameValue(v, value))) return [...conditions];
  const merged = { ...existing, values: [...existing.values, value] };
  return conditions.map((condition, i) => (i === index ? merged : condition));
}

/**
 * The conditions without that one excluded value (the `key!=` condition goes when it was its last
 * value); unchanged when it is not there (an Undo twice, or after someone changed the rule).
 */
export function removeExclusion(conditions: readonly Condition[], exclusion: Exclusion): Condition[] {
  return conditions.flatMap((condition) => {
    if (condition.key !== exclusion.key || condition.op !== '!=') return [condition];
    const values = condition.values.filter((v) => !sameValue(v, exclusion.value));
    return values.length === 0 ? [] : [{ ...condition, values }];
  });
}

/** Whether the rule excludes that value now. */
export function hasExclusion(conditions: readonly Condition[], exclusion: Exclusion): boolean {
  return conditions.some(
    ({ key, op, values }) =>
      key === exclusion.key && op === '!=' && values.some((v) => sameValue(v, exclusion.value)),
  );
}
