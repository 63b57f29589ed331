import type { Clock } from '../clock.ts';
import type { ChangeNotices } from './change-notices.ts';
import { createRuleIndex, type RuleIndex } from './create-rule-index.ts';
import type { Rule, RuleMatch } from './rule.ts';
import type { RuleStore } from './rule-store.ts';
import type { TriggerFacts } from './trigger-facts.ts';

export interface CreateRuleCatalogOptions {
  store: RuleStore;
  clock: Clock;
  /**
   * Told after each change that affects matching, heard from every replica: a notice reloads the
   * rules at once. Without it, only the periodic refresh sees other replicas' changes.
   */
  notices?: ChangeNotices;
  /** How often to look for changes anyway (a notice lost while a connection was down). */
  refreshMs: number;
  /** Called when a refresh fails; the previous rules keep matching meanwhile. */
  onRefreshError: (error: unknown) => void;
  /** Called when a notice could not be sent: the change is stored, others see it on their poll. */
  onNoticeError?: (error: unknown) => void;
}

/**
 * The rules as a RuleStore whose writes also update an in-memory index at once, plus matching.
 * The store stays the truth: the index is reloaded whenever the store's version changes, looked
 * at on each change notice (from any replica, this one included) and every refreshMs.
 */
export interface RuleCatalog extends RuleStore {
  /** Loads every rule, listens to change notices and starts the periodic refresh. */
  start(): Promise<void>;
  stop(): void;
  /**
   * Reloads when the store changed since the last load; whether it reloaded. Reloads run one at a
   * time: one asked for meanwhile runs after the current one, so it sees the latest version.
   */
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
  let unsubscribe: (() => void) | undefined;
  let running: Promise<boolean> | undefined;
  let queued: Promise<boolean> | undefined;

  const reload = async (): Promise<boolean> => {
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

  const refresh = (): Promise<boolean> => {
    if (running === undefined) {
      running = reload().finally(() => {
        running = undefined;
      });
      return running;
    }
    // A reload in flight may have read the version before the change that asks for this one.
    queued ??= running
      .catch(() => false)
      .then(() => {
        queued = undefined;
        return refresh();
      });
    return queued;
  };

  const refreshInBackground = () => {
    refresh().catch(options.onRefreshError);
  };

  // After the store and the index changed: the other replicas (and this one, whose index may have
  // been replaced by a reload that began before the change) reload.
  const announce = async () => {
    await options.notices?.publish().catch(options.onNoticeError ?? options.onRefreshError);
  };

  const apply = (rule: Rule | undefined) => {
    if (rule !== undefined) index.update(rule);
    return rule;
  };

  const applyAndAnnounce = async (rule: Rule | undefined) => {
    apply(rule);
    if (rule !== undefined) await announce();
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
      unsubscribe ??= options.notices?.subscribe(refreshInBackground);
      await refresh();
      timer ??= setInterval(refreshInBackground, options.refreshMs);
      timer.unref();
    },
    stop() {
      unsubscribe?.();
      unsubscribe = undefined;
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
      await announce();
    },
    async delete(ruleId) {
      const deleted = await store.delete(ruleId);
      index.remove(ruleId);
      if (deleted) await announce();
      return deleted;
    },
    setMute: async (ruleId, mute) => applyAndAnnounce(await store.setMute(ruleId, mute)),
    clearMute: async (ruleId) => applyAndAnnounce(await store.clearMute(ruleId)),
    setRemind: async (ruleId, plan) => applyAndAnnounce(await store.setRemind(ruleId, plan)),
    editConditions: async (ruleId, edit) => applyAndAnnounce(await store.editConditions(ruleId, edit)),
    // A match counter does not change what matches: not announced (it would flood the channel).
    recordMatch: async (ruleId, at) => apply(await store.recordMatch(ruleId, at)),
  };
}
