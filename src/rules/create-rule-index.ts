import { createRulePool } from './create-rule-pool.ts';
import { chooseIndexSlot } from './index-slot.ts';
import { type KeptRule, keptRuleHolds, toRule } from './kept-rule.ts';
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
 * only at the buckets the notification's facts hit, then checks each candidate fully. The index
 * keeps a compact copy of each rule (KeptRule); `get` and `match` build the Rule from it.
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

const slotOf = (kept: KeptRule) => chooseIndexSlot(kept.conditions.map((shared) => shared.condition));

export function createRuleIndex(): RuleIndex {
  const entries = new Map<string, ShelfEntry>();
  const shelves = new Map<Trigger, TriggerShelf>();
  const pool = createRulePool();
  let epoch = 0;

  const remove = (ruleId: string): boolean => {
    const id = ruleId.toLowerCase();
    const entry = entries.get(id);
    const shelf = entry && shelves.get(entry.trigger);
    if (!entry || !shelf) return false;
    entries.delete(id);
    // The slot is worked out again rather than kept: it follows from the rule's conditions.
    unfileEntry(shelf, entry, slotOf(entry));
    pool.release(entry);
    return true;
  };

  const add = (rule: Rule): void => {
    const entry = pool.acquire(rule);
    remove(rule.id);
    entries.set(rule.id.toLowerCase(), entry);
    const shelf = shelves.get(entry.trigger) ?? createShelf();
    shelves.set(entry.trigger, shelf);
    fileEntry(shelf, entry, slotOf(entry));
  };

  const match = (facts: TriggerFacts, now: number): RuleMatch[] => {
    epoch += 1;
    const prepared = prepareFacts(facts);
    const found: RuleMatch[] = [];
    const visit = (entry: ShelfEntry) => {
      if (entry.seen === epoch) return;
      entry.seen = epoch;
      if (keptRuleHolds(entry, prepared, now)) found.push({ rule: toRule(entry), channel: entry.channel });
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
    get: (ruleId) => {
      const entry = entries.get(ruleId.toLowerCase());
      return entry && toRule(entry);
    },
    get size() {
      return entries.size;
    },
    match,
  };
}
