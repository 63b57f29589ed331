import { isListening } from './compile-rule.ts';
import type { SharedCondition } from './create-condition-cache.ts';
import type { PreparedFacts } from './prepare-facts.ts';
import type { ChannelRef, Mute, NotifyList, RemindPlan, Rule, UserRef } from './rule.ts';
import type { Trigger } from './triggers.ts';

/**
 * What the index keeps of a rule: its own fields, and the parts it shares with other rules (its
 * channel, its creator, its conditions with their compiled tests). One small object per rule
 * rather than the tree of objects and strings a rule read from the store is; the Rule is built
 * again when a match or `get` asks for it.
 */
export interface KeptRule {
  readonly id: string;
  readonly channel: ChannelRef;
  readonly trigger: Trigger;
  readonly conditions: readonly SharedCondition[];
  readonly name: string | undefined;
  readonly notify: NotifyList | undefined;
  readonly remind: RemindPlan | undefined;
  readonly createdBy: UserRef;
  readonly createdAt: number;
  readonly mute: Mute | null;
  readonly matchCount: number;
  readonly lastMatchAt: number | null;
  /** The match call that last looked at this rule, so a rule found twice is checked once. */
  seen: number;
}

/** The rule as it was given to the index (a new object each time; its parts are shared). */
export function toRule(kept: KeptRule): Rule {
  const { id, channel, trigger, name, notify, remind, createdBy, createdAt, mute, matchCount, lastMatchAt } =
    kept;
  const conditions = kept.conditions.map((shared) => shared.condition);
  const rule: Rule = {
    id,
    channel,
    trigger,
    conditions,
    createdBy,
    createdAt,
    mute,
    matchCount,
    lastMatchAt,
  };
  if (name !== undefined) rule.name = name;
  if (notify !== undefined) rule.notify = notify;
  if (remind !== undefined) rule.remind = remind;
  return rule;
}

/** The full check, as evaluateCompiled: listening to the trigger, not muted, every condition holds. */
export function keptRuleHolds(kept: KeptRule, facts: PreparedFacts, now: number): boolean {
  if (!isListening(kept, facts, now)) return false;
  for (const { test } of kept.conditions) if (!test(facts)) return false;
  return true;
}
