import type { Clock } from '../clock.ts';
import { createRuleIndex, type RuleIndex } from './create-rule-index.ts';
import type { Rule, RuleMatch } from './rule.ts';
import type { RuleStore } from './rule-store.ts';
import type { TriggerFacts } from './trigger-facts.ts';

export interface CreateRuleCatalogOptions {
  store: RuleStore;
  clock: Clock;
  /** How often to look for changes made by other replicas. */
  refreshMs: number;
  /** Called when a periodic refresh fails; the previous rules keep matching meanwhile. */
  onRefreshError: (error: unknown) => void;
}

/**
 * The rules as a RuleStore whose writes also update an in-memory index at once, plus matching.
 * The store stays the truth: the index is reloaded whenever the store's version changes.
 */
export interface RuleCatalog extends RuleStore {
  /** Loads every rule and starts the periodic refresh. */
  start(): Promise<void>;
  stop(): void;
  /** Reloads when the store changed since the last load; whether it reloaded. */
  refresh(): Promise<boolean>;
  /** Matching rules; muted rules are left out until their mute ends (by the clock). */
  match(facts: TriggerFacts): RuleMatch[];
  readonly size: number;
}

export function createRuleCatalog(options: CreateRuleCatalogOptions): RuleCatalog {
  const { store, clock } = options;
  let index: RuleIndex = createRuleIndex();
  let loadedVersion: string | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;

  const refresh = async (): Promise<boolean> => {
    const version = await store.version();
    if (version === loadedVersion) return false;
    const next = createRuleIndex();
    await store.scanAll((rules) => {
      for (const rule of rules) next.add(rule);
    });
    index = next;
    loadedVersion = version;
    return true;
  };

  const apply = (rule: Rule | undefined) => {
    if (rule !== undefined) index.update(rule);
    return rule;
  };

  return {
    get: (ruleId) => store.get(ruleId),
    exists: (ruleId) => store.exists(ruleId),
    listByChannel: (channel) => store.listByChannel(channel),
    listAll: () => store.listAll(),
    scanAll: (visit, batchSize) => store.scanAll(visit, batchSize),
    count: () => store.count(),
    version: () => store.version(),
    async start() {
      await refresh();
      timer ??= setInterval(() => {
        refresh().catch(options.onRefreshError);
      }, options.refreshMs);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
    refresh,
    match: (facts) => index.match(facts, clock.now()),
    get size() {
      return index.size;
    },
    async add(rule) {
      await store.add(rule);
      index.add(rule);
    },
    async delete(ruleId) {
      const deleted = await store.delete(ruleId);
      index.remove(ruleId);
      return deleted;
    },
    setMute: async (ruleId, mute) => apply(await store.setMute(ruleId, mute)),
    clearMute: async (ruleId) => apply(await store.clearMute(ruleId)),
    recordMatch: async (ruleId, at) => apply(await store.recordMatch(ruleId, at)),
  };
}
