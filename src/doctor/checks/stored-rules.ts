import type { Logger } from '../../log.ts';
import type { ChannelRef, Rule } from '../../rules/rule.ts';
import { createKeyvRuleStore } from '../../storage/create-keyv-rule-store.ts';
import type { DoctorStore } from './open-doctor-store.ts';

export interface StoredRules {
  /** The channels of one platform that have at least one rule, each once. */
  channels(platform: string): Promise<readonly ChannelRef[]>;
  /** The triggers the rules subscribe to. */
  triggers(): Promise<ReadonlySet<string>>;
}

/**
 * The stored rules, read once per run through the bot's own rule store, and read only (scanAll
 * neither repairs nor prunes its lists). Rejects when the store does not answer.
 */
export function createStoredRules(store: DoctorStore, log: Logger): StoredRules {
  let read: Promise<Rule[]> | undefined;
  const all = () => {
    read ??= (async () => {
      const rules: Rule[] = [];
      const ruleStore = createKeyvRuleStore({ keyv: (await store.open()).keyv('rules'), log });
      await ruleStore.scanAll((batch) => rules.push(...batch));
      return rules;
    })();
    return read;
  };
  return {
    async channels(platform) {
      const byKey = new Map<string, ChannelRef>();
      for (const { channel } of await all()) {
        if (channel.platform === platform)
          byKey.set(JSON.stringify([channel.team, channel.channel]), channel);
      }
      return [...byKey.values()];
    },
    triggers: async () => new Set((await all()).map((rule) => rule.trigger)),
  };
}
