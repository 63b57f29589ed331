import { createConditionCache } from './create-condition-cache.ts';
import { createSharedPool } from './create-shared-pool.ts';
import type { KeptRule } from './kept-rule.ts';
import type { ChannelRef, Rule, UserRef } from './rule.ts';
import { TRIGGERS } from './triggers.ts';

/**
 * Turns rules into what the index keeps of them. A rule read from the store arrives as its own
 * tree of objects and strings (~700 B); what is kept shares its channel, its creator and its
 * conditions (with their compiled tests) with every rule that has equal ones, so the rule that was
 * read is garbage once filed.
 */
export interface RulePool {
  /** Throws, acquiring nothing, when a condition does not compile. */
  acquire(rule: Rule): KeptRule;
  /** Gives back the parts acquire took. */
  release(kept: KeptRule): void;
}

const channelKey = ({ platform, team, channel }: ChannelRef) => JSON.stringify([platform, team, channel]);
const userKey = ({ id, name }: UserRef) => JSON.stringify([id, name]);

export function createRulePool(): RulePool {
  const conditions = createConditionCache();
  const channels = createSharedPool<ChannelRef>();
  // A handful of people create most rules.
  const users = createSharedPool<UserRef>();
  // A handful of platform ids: one string each, not each parsed rule's own copy.
  const platforms = new Map<string, string>();
  const platformOf = (id: string): string => {
    const known = platforms.get(id);
    if (known !== undefined) return known;
    platforms.set(id, id);
    return id;
  };

  return {
    acquire(rule) {
      const shared = conditions.acquire(rule.conditions);
      const { team, channel } = rule.channel;
      const platform = platformOf(rule.channel.platform);
      const { id, name } = rule.createdBy;
      return {
        id: rule.id,
        channel: channels.acquire(channelKey(rule.channel), () => ({ platform, team, channel })),
        // The constant, not the parsed rule's own copy of the string.
        trigger: TRIGGERS.find((known) => known === rule.trigger) ?? rule.trigger,
        conditions: shared,
        name: rule.name,
        notify: rule.notify,
        remind: rule.remind,
        createdBy: users.acquire(userKey(rule.createdBy), () => ({ id, name })),
        createdAt: rule.createdAt,
        mute: rule.mute,
        matchCount: rule.matchCount,
        lastMatchAt: rule.lastMatchAt,
        seen: 0,
      };
    },
    release(kept) {
      conditions.release(kept.conditions.map((shared) => shared.condition));
      channels.release(channelKey(kept.channel));
      users.release(userKey(kept.createdBy));
    },
  };
}
