import type { ChannelRef } from '../rules/rule.ts';
import type { BudgetWindow } from './budget-window.ts';
import type { RollupLevel, RollupState } from './rollup-state.ts';
import type { StormSetting } from './storm-policy.ts';

/** A channel whose roll-up holds an alert, and the urgency the roll-up counted it under. */
export interface RollupMembership {
  /** channelKey() of the channel. */
  channel: string;
  stormId: string;
  level: RollupLevel;
}

/**
 * Where a roll-up is shown. `messageId` null is the marker written before the first post: a crash
 * leaves it, and the next try looks for the post made since `since` instead of posting again.
 */
export interface RollupMessage {
  messageId: string | null;
  since: number;
}

/** A channel in storm mode and its open roll-up. */
export interface OpenStorm {
  channel: ChannelRef;
  stormId: string;
}

/**
 * What storms keep (implemented in storage/ on a keyv namespace, parsed on read). Read-modify-writes
 * are serialized by the caller (the storm ledger), except the open-storm index, which the store
 * updates under its own lock when a storm is written.
 */
export interface StormStore {
  setting(channel: ChannelRef): Promise<StormSetting | undefined>;
  setSetting(channel: ChannelRef, setting: StormSetting | undefined): Promise<void>;
  window(channel: ChannelRef): Promise<BudgetWindow>;
  putWindow(channel: ChannelRef, window: BudgetWindow): Promise<void>;
  /** The channels in storm mode (a roll-up open). */
  openStorms(): Promise<OpenStorm[]>;
  storm(channel: ChannelRef, stormId: string): Promise<RollupState | undefined>;
  /** Writes the roll-up, and adds it to (open) or removes it from (closed) the open-storm index. */
  putStorm(state: RollupState): Promise<void>;
  /** The message that shows a storm's roll-up: its id once posted, null while being posted. */
  rollupMessage(channel: ChannelRef, stormId: string): Promise<RollupMessage | undefined>;
  putRollupMessage(channel: ChannelRef, stormId: string, message: RollupMessage): Promise<void>;
  /** The roll-ups an alert is in. */
  memberships(alertUuid: string): Promise<RollupMembership[]>;
  putMemberships(alertUuid: string, memberships: RollupMembership[]): Promise<void>;
}

/**
 * A channel's key in storm records: platform and channel id (unique per platform), without the team,
 * which a command in a direct message does not carry while the rule that made the card does.
 */
export function stormChannelKey(channel: Pick<ChannelRef, 'platform' | 'channel'>): string {
  return `${channel.platform}/${encodeURIComponent(channel.channel)}`;
}
