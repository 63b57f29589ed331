import type { ChannelRef, Condition, Mute, RemindPlan, Rule } from './rule.ts';

/**
 * Where rules live (the store is the truth; the matcher's index is a copy). Ids compare
 * case-insensitively; every method that takes an id accepts any case.
 */
export interface RuleStore {
  /** Stores a new rule; its id must not be in use (createRuleId asks `exists`). */
  add(rule: Rule): Promise<void>;
  get(ruleId: string): Promise<Rule | undefined>;
  exists(ruleId: string): Promise<boolean>;
  /** The channel's rules, oldest first. */
  listByChannel(channel: ChannelRef): Promise<Rule[]>;
  /** Every rule, oldest first. */
  listAll(): Promise<Rule[]>;
  /**
   * Every rule, a batch at a time and in no particular order, so that loading 100,000 rules never
   * holds them all at once (the matcher keeps a compact copy).
   */
  scanAll(visit: (rules: Rule[]) => void, batchSize?: number): Promise<void>;
  count(): Promise<number>;
  /** Whether a rule was deleted. */
  delete(ruleId: string): Promise<boolean>;
  /** The rule as changed, or undefined when there is no such rule. */
  setMute(ruleId: string, mute: Mute): Promise<Rule | undefined>;
  clearMute(ruleId: string): Promise<Rule | undefined>;
  /** Sets the rule's `--remind` plan, or removes it (null). */
  setRemind(ruleId: string, plan: RemindPlan | null): Promise<Rule | undefined>;
  /**
   * Replaces the rule's conditions with `edit(current)`, computed from the stored rule under the
   * rule's lock (two exclusions at once both land); versioned like a mute, so every replica reloads.
   */
  editConditions(ruleId: string, edit: (conditions: Condition[]) => Condition[]): Promise<Rule | undefined>;
  /** matchCount + 1 and lastMatchAt = at. */
  recordMatch(ruleId: string, at: number): Promise<Rule | undefined>;
  /**
   * A token that changes on every write that affects matching (add, delete, mute), so that a
   * replica can skip reloading when nothing changed. Counters do not change it.
   */
  version(): Promise<string>;
}

export function sameChannel(a: ChannelRef, b: ChannelRef): boolean {
  return a.platform === b.platform && a.team === b.team && a.channel === b.channel;
}
