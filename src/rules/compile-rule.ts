import { compileCondition, type FactTest } from './compile-condition.ts';
import type { PreparedFacts } from './prepare-facts.ts';
import type { Rule } from './rule.ts';
import { TRIGGERS_MATCHED_BY } from './triggers.ts';

/** A rule with its conditions turned into one test; rebuilt whenever the rule changes. */
export interface CompiledRule {
  rule: Rule;
  test: FactTest;
}

export function compileRule(rule: Rule): CompiledRule {
  const tests = rule.conditions.map(compileCondition);
  const test: FactTest = (facts) => {
    for (const condition of tests) if (!condition(facts)) return false;
    return true;
  };
  return { rule, test };
}

/** A mute applies up to, not including, its `until` instant. */
export function isMuted(rule: Rule, now: number): boolean {
  return rule.mute !== null && rule.mute.until > now;
}

/** The full check: the rule listens to this trigger, is not muted, and every condition holds. */
export function evaluateCompiled(compiled: CompiledRule, facts: PreparedFacts, now: number): boolean {
  const { rule } = compiled;
  return (
    TRIGGERS_MATCHED_BY[facts.trigger].includes(rule.trigger) && !isMuted(rule, now) && compiled.test(facts)
  );
}
