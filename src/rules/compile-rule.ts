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
export function isMuted(rule: Pick<Rule, 'mute'>, now: number): boolean {
  return rule.mute !== null && rule.mute.until > now;
}

/** The rule listens to the notification's trigger and is not muted; its conditions are not looked at. */
export function isListening(
  rule: Pick<Rule, 'trigger' | 'mute'>,
  facts: PreparedFacts,
  now: number,
): boolean {
  return TRIGGERS_MATCHED_BY[facts.trigger].includes(rule.trigger) && !isMuted(rule, now);
}

/** The full check: the rule listens to this trigger, is not muted, and every condition holds. */
export function evaluateCompiled(compiled: CompiledRule, facts: PreparedFacts, now: number): boolean {
  const { rule, tests } = compiled;
  if (!isListening(rule, facts, now)) return false;
  for (const test of tests) if (!test(facts)) return false;
  return true;
}
