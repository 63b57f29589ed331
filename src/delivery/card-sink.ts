import type { PlatformId } from '../rules/platform-id.ts';
import type { ChannelRef, Mention } from '../rules/rule.ts';
import type { AlertCard } from './alert-card.ts';
import type { CardLane } from './card-lane.ts';
import type { CompactCard } from './compact-card.ts';
import type { RollupCard } from './rollup-card.ts';

/** Where a card goes: the channel and the rule it was posted for (Mute acts on that rule). */
export interface CardTarget {
  channel: ChannelRef;
  ruleId: string;
  /** Its turn at a rate-limited platform (card-lane.ts); `update` when unset. */
  lane?: CardLane | undefined;
}

/** A short reply in a card's thread when the alert's status changes. */
export interface StatusNote {
  shortId: string | undefined;
  from: string | undefined;
  to: string | undefined;
  /** Who changed it from chat, when we know, and from which platform (its display name). */
  by?: { name: string; from: string } | undefined;
}

/** A reply in the thread of a card still unacknowledged (a rule's `--remind`, then `--escalate`). */
export interface ReminderNote {
  stage: ReminderStage;
  shortId: string | undefined;
  /** Since the card was posted. */
  ageMs: number;
  /** Who to ping (the rule's, as stored: checked); empty: nobody. */
  mentions: readonly Mention[];
}

export type ReminderStage = 'remind' | 'escalate';

/**
 * One chat platform's side of delivery (implemented in `platforms/`). Methods fail with a BotError
 * `delivery_failed` (retryable, with Retry-After when the platform gave one) or `platform_rejected`
 * (will not heal: no access to the channel, refused content).
 */
export interface CardSink {
  /** Posts a new card; resolves with its message id (post id / activity id). */
  post(target: CardTarget, card: AlertCard): Promise<string>;
  /** Re-renders the card in place (the whole card: platforms replace, they do not merge). */
  update(target: CardTarget, messageId: string, card: AlertCard): Promise<void>;
  replyInThread(target: CardTarget, messageId: string, note: StatusNote): Promise<void>;
  /** A reminder (or the escalation) in the card's thread, pinging its names where the platform can. */
  remind(target: CardTarget, messageId: string, note: ReminderNote): Promise<void>;
  /**
   * The card of this alert posted in the channel since `sinceMs`, if any: after a crash between
   * posting and recording the post, the next try finds it instead of posting a second card.
   */
  findCard(target: CardTarget, alertUuid: string, sinceMs: number): Promise<string | undefined>;
  /** A compact card (no buttons but its link); resolves with its message id. */
  postCompact(target: CardTarget, card: CompactCard): Promise<string>;
  updateCompact(target: CardTarget, messageId: string, card: CompactCard): Promise<void>;
  /** A channel's roll-up card during a storm (no buttons; its lines link to Sekoia.io); its message id. */
  postRollup(target: CardTarget, card: RollupCard): Promise<string>;
  updateRollup(target: CardTarget, messageId: string, card: RollupCard): Promise<void>;
  /** The roll-up of this storm posted in the channel since `sinceMs`, if any (as findCard, after a crash). */
  findRollup(target: CardTarget, stormId: string, sinceMs: number): Promise<string | undefined>;
}

/** The enabled platforms' sinks, by platform id. */
export type CardSinks = Readonly<Partial<Record<PlatformId, CardSink>>>;

/** The sink of a platform, undefined when it is not enabled (own keys only: an id is any string). */
export function sinkOf(sinks: CardSinks, platform: PlatformId): CardSink | undefined {
  return Object.hasOwn(sinks, platform) ? sinks[platform] : undefined;
}
