import type { UrgencyLevel } from '../normalize/notification.ts';
import type { PlatformId } from './platform-id.ts';
import type { ConditionKey, Trigger } from './triggers.ts';

/**
 * A notification rule, as stored (plain JSON: absent values are `null`, not `undefined`, so that a
 * rule read back from the store is the rule that was written).
 */

export const OPERATORS = ['!=', '>=', '<=', '=', '~', '>', '<'] as const;
export type Operator = (typeof OPERATORS)[number];

export interface ChannelRef {
  platform: PlatformId;
  /** Mattermost team id, or Teams tenant id. */
  team: string;
  channel: string;
}

export interface UserRef {
  /** The platform's user id. */
  id: string;
  /** Display name at the time, for announcements and the `rules` list. */
  name: string;
}

/**
 * One condition in canonical form: `values` are the canonical spellings the parser produced
 * (levels and booleans in lower case, UUIDs in lower case, names as typed, durations like `1h30m`).
 * Several values mean "any of" for `=` and `~`, "none of" for `!=`.
 */
export interface Condition {
  key: ConditionKey;
  op: Operator;
  values: string[];
}

/**
 * Someone a rule pings on a new card. Where a platform mentions by name (`@oncall`, `@here`), the
 * name alone; where it mentions by id (an `<at>` entity that names a user or a tag), the id too.
 */
export interface Mention {
  /**
   * Without the `@`. Without an id: a user or group name, lower case, of MENTION_NAME's charset.
   * With an id: the display name the platform gave with it (any text: untrusted, escaped when shown).
   */
  name: string;
  /** The platform's id of the person or tag; absent where mentions are by name. */
  id?: string;
  /** The id names a group of people (a tag), not one person. */
  group?: true;
}

/** `--notify @oncall --notify-urgency high`: the one place where the bot pings on purpose. */
export interface NotifyList {
  mentions: Mention[];
  /** Only cards at this urgency level or above ping; null: every new card of the rule. */
  minUrgency: UrgencyLevel | null;
}

/**
 * `--remind 15m --escalate @secops-leads 30m`: while a card of the rule stays unacknowledged, a reply
 * in its thread after `afterMs` (pinging the rule's `--notify` names), then one pinging the
 * escalation names after `escalate.afterMs` (both counted from the card's post).
 */
export interface RemindPlan {
  afterMs: number;
  escalate: { mentions: Mention[]; afterMs: number } | null;
}

/** What `subscribe` parses into; the command adds id, channel, creator and time. */
export interface SubscriptionDraft {
  trigger: Trigger;
  conditions: Condition[];
  name?: string;
  notify?: NotifyList;
  remind?: RemindPlan;
  /** `--preview`: the answer also says how many cards the rule would have posted (not stored). */
  preview?: true;
}

export interface Mute {
  /** Epoch ms; the rule matches again from this instant on. */
  until: number;
  reason?: string;
  by: UserRef;
}

export interface Rule extends SubscriptionDraft {
  /** Lower case, from RULE_ID_ALPHABET; compared case-insensitively. */
  id: string;
  channel: ChannelRef;
  createdBy: UserRef;
  /** Epoch ms. */
  createdAt: number;
  mute: Mute | null;
  matchCount: number;
  /** Epoch ms. */
  lastMatchAt: number | null;
}

/** A rule of the channel matched a notification. */
export interface RuleMatch {
  rule: Rule;
  channel: ChannelRef;
}
