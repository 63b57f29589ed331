import type { ChannelRef, Mention } from '../rules/rule.ts';

/** Which message shows an alert in a channel, and what it showed last. */
export interface CardRecord {
  alertUuid: string;
  channel: ChannelRef;
  /** Null while the post is being created: a crash leaves this marker, and the next try looks for the post. */
  messageId: string | null;
  /** Epoch ms at which creating started (for the lookup after a crash). */
  creatingSince: number;
  /**
   * While messageId is null: whether a post may have been made (true, or absent in records written
   * before this field), so the next try looks for it first; false once a post certainly failed
   * (refused, never sent), so the next try posts at once.
   */
  inFlight?: boolean | undefined;
  ruleId: string;
  ruleName: string | null;
  /** Who the card pings (AlertCard.mentions), fixed when it is created; absent: none. */
  mentions?: Mention[] | undefined;
  /** The status the card shows, to know when a thread reply is due. */
  status: string | null;
  /** `observedAt` of the alert state the card shows. */
  shownAt: number;
}

/** The card-per-alert map: at most one card per alert per channel. */
export interface CardStore {
  /** By platform and channel id (the team is not part of the key). */
  get(alertUuid: string, channel: Pick<ChannelRef, 'platform' | 'channel'>): Promise<CardRecord | undefined>;
  put(record: CardRecord): Promise<void>;
  /** Every channel that holds a card of this alert. */
  channelsOf(alertUuid: string): Promise<ChannelRef[]>;
}
