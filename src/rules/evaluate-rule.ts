import { compileRule, evaluateCompiled } from './compile-rule.ts';
import { prepareFacts } from './prepare-facts.ts';
import type { Rule } from './rule.ts';
import type { TriggerFacts } from './trigger-facts.ts';

/**
 * The reference evaluation of one rule against one notification's facts: what the index must
 * agree with. It compiles the rule each time; the index compiles once per rule change.
 */
export function evaluateRule(rule: Rule, facts: TriggerFacts, now: number): boolean {
  return evaluateCompiled(compileRule(rule), prepareFacts(facts), now);
}
