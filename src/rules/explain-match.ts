import { compileCondition } from './compile-condition.ts';
import { KEY_SPECS } from './condition-keys.ts';
import { formatCondition } from './format-subscription.ts';
import { URGENCY_LEVELS } from './ordered-values.ts';
import { formatDuration } from './parse-duration.ts';
import { prepareFacts } from './prepare-facts.ts';
import type { Condition, Rule } from './rule.ts';
import type { FactRef, TriggerFacts } from './trigger-facts.ts';

/** One condition of a rule and the alert's value(s) of its key, as a person reads them. */
export interface ConditionExplanation {
  /** The condition as typed back (`entity="Lyon HQ"`). */
  condition: string;
  /** The same verdict the matcher gives: the condition's compiled test over the same facts. */
  satisfied: boolean;
  /** The alert's values of the key (`85 (high)`, `Lyon HQ`); empty when the alert has none. */
  facts: string[];
}

/**
 * Why a rule matched (or no longer matches) an alert: each condition with the facts it looked at.
 * The verdict comes from the compiled matcher itself, so an explanation never disagrees with matching.
 */
export function explainMatch(rule: Pick<Rule, 'conditions'>, facts: TriggerFacts): ConditionExplanation[] {
  const prepared = prepareFacts(facts);
  return rule.conditions.map((condition) => ({
    condition: formatCondition(condition),
    satisfied: compileCondition(condition)(prepared),
    facts: factValues(condition, facts),
  }));
}

/** The explanation on one line per condition: `urgency>=high ← 85 (high)`, or why it fails now. */
export function explanationLines(explained: readonly ConditionExplanation[]): string[] {
  return explained.map(({ condition, satisfied, facts }) => {
    const seen = facts.length === 0 ? '(none)' : facts.join(', ');
    return satisfied ? `${condition} ← ${seen}` : `${condition} ← ${seen}: not satisfied any more`;
  });
}

function factValues(condition: Condition, facts: TriggerFacts): string[] {
  const values: Readonly<Partial<Record<string, unknown>>> = facts;
  const value = values[condition.key];
  if (typeof value === 'number') return [withLevel(condition, value)];
  if (typeof value === 'boolean' || typeof value === 'string') return [String(value)];
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (typeof item === 'string') return item === '' ? [] : [item];
    if (typeof item !== 'object' || item === null) return [];
    const ref = item as FactRef;
    const shown = ref.name ?? ref.uuid;
    return shown === undefined || shown === '' ? [] : [shown];
  });
}

/** `85 (high)` for a level (bands of numbers, ordered-values.ts), `2h` for a duration. */
function withLevel(condition: Condition, value: number): string {
  const kind = KEY_SPECS[condition.key].kind;
  if (kind === 'duration') return formatDuration(value);
  if (kind !== 'level') return String(value);
  const level = Object.entries(URGENCY_LEVELS).find(([, [from, to]]) => value >= from && value <= to);
  return level === undefined ? String(value) : `${value} (${level[0]})`;
}
