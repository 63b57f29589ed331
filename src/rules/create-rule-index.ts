import { type CompiledRule, evaluateCompiled } from './compile-rule.ts';
import { createConditionCache } from './create-condition-cache.ts';
import { chooseIndexSlot } from './index-slot.ts';
import { prepareFacts } from './prepare-facts.ts';
import type { Rule, RuleMatch } from './rule.ts';
import {
  createShelf,
  fileEntry,
  type ShelfEntry,
  type TriggerShelf,
  unfileEntry,
  visitCandidates,
} from './rule-shelf.ts';
import type { TriggerFacts } from './trigger-facts.ts';
import { TRIGGERS_MATCHED_BY, type Trigger } from './triggers.ts';

/**
 * The in-memory matcher. Rules are filed by trigger, then under the values of their most selective
 * equality (INDEX_PRIORITY), else by the least urgency they need, else on a scan list; a match looks
 * only at the buckets the notification's facts hit, then checks each candidate fully.
 */
export interface RuleIndex {
  /** Adds the rule, or replaces the rule with the same id (ids compare case-insensitively). */
  add(rule: Rule): void;
  /** Same as add: the new version replaces the old one (mute, conditions, counters). */
  update(rule: Rule): void;
  remove(ruleId: string): boolean;
  get(ruleId: string): Rule | undefined;
  readonly size: number;
  /** The rules that match, each with its channel; muted rules (mute.until > now) are left out. */
  match(facts: TriggerFacts, now: number): RuleMatch[];
}

export function createRuleIndex(): RuleIndex {
  const entries = new Map<string, ShelfEntry>();
  const shelves = new Map<Trigger, TriggerShelf>();
  const conditions = createConditionCache();
  let epoch = 0;

  const remove = (ruleId: string): boolean => {
    const id = ruleId.toLowerCase();
    const entry = entries.get(id);
    const shelf = entry && shelves.get(entry.compiled.rule.trigger);
    if (!entry || !shelf) return false;
    entries.delete(id);
    unfileEntry(shelf, entry);
    conditions.releaseAll(entry.compiled.rule.conditions);
    return true;
  };

  const add = (rule: Rule): void => {
    const slot = chooseIndexSlot(rule);
    const compiled: CompiledRule = { rule, tests: conditions.acquireAll(rule.conditions) };
    remove(rule.id);
    const entry: ShelfEntry = { compiled, slot, seen: epoch };
    entries.set(rule.id.toLowerCase(), entry);
    const shelf = shelves.get(rule.trigger) ?? createShelf();
    shelves.set(rule.trigger, shelf);
    fileEntry(shelf, entry);
  };

  const match = (facts: TriggerFacts, now: number): RuleMatch[] => {
    epoch += 1;
    const prepared = prepareFacts(facts);
    const found: RuleMatch[] = [];
    const visit = (entry: ShelfEntry) => {
      if (entry.seen === epoch) return;
      entry.seen = epoch;
      if (evaluateCompiled(entry.compiled, prepared, now)) {
        found.push({ rule: entry.compiled.rule, channel: entry.compiled.rule.channel });
      }
    };
    for (const trigger of TRIGGERS_MATCHED_BY[facts.trigger]) {
      const shelf = shelves.get(trigger);
      if (shelf) visitCandidates(shelf, prepared, visit);
    }
    return found;
  };

  return {
    add,
    update: add,
    remove,
    get: (ruleId) => entries.get(ruleId.toLowerCase())?.compiled.rule,
    get size() {
      return entries.size;
    },
    match,
  };
}
