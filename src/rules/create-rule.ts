import type { ChannelRef, Rule, SubscriptionDraft, UserRef } from './rule.ts';

export interface CreateRuleInput {
  id: string;
  draft: SubscriptionDraft;
  channel: ChannelRef;
  createdBy: UserRef;
  /** Epoch ms, from the injected clock. */
  now: number;
}

/** A new, unmuted rule with no matches yet. */
export function createRule(input: CreateRuleInput): Rule {
  const { draft } = input;
  return {
    id: input.id.toLowerCase(),
    channel: input.channel,
    trigger: draft.trigger,
    conditions: draft.conditions,
    ...(draft.name === undefined ? {} : { name: draft.name }),
    ...(draft.notify === undefined ? {} : { notify: draft.notify }),
    ...(draft.remind === undefined ? {} : { remind: draft.remind }),
    createdBy: input.createdBy,
    createdAt: input.now,
    mute: null,
    matchCount: 0,
    lastMatchAt: null,
  };
}
