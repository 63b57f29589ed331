import { compileCondition, type FactTest } from './compile-condition.ts';
import type { PreparedFacts } from './prepare-facts.ts';
import type { Rule } from './rule.ts';
import { TRIGGERS_MATCHED_BY } from './triggers.ts';

/** A rule with its conditions turned into tests; rebuilt whenever the rule changes. */
export interface CompiledRule {
  rule: Rule;
  tests: readonly FactTest[];
}

export function compileRule(rule: Rule): CompiledRule {
  return { rule, tests: rule.conditions.map(compileCondition) };
}

/** A mute applies up to, not including, its `until` instant. */
export function isMuted(rule: Rule, now: number): boolean {
  return rule.mute !== null && rule.mute.until > now;
}

/** The full check: the rule listens to this trigger, is not muted, and every condition holds. */
export function evaluateCompiled(compiled: CompiledRule, facts: PreparedFacts, now: number): boolean {
  const { rule, tests } = compiled;
  if (!TRIGGERS_MATCHED_BY[facts.trigger].includes(rule.trigger) || isMuted(rule, now)) return false;
  for (const test of tests) if (!test(facts)) return false;
  return true;
}
