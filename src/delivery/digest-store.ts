import type { ChannelRef } from '../rules/rule.ts';
import type { DigestSetting } from './digest-setting.ts';
import type { RollupMessage } from './storm-store.ts';

/** What the daily digest keeps per channel (implemented in storage/ on a keyv namespace, parsed on read). */
export interface DigestStore {
  setting(channel: ChannelRef): Promise<DigestSetting | undefined>;
  setSetting(channel: ChannelRef, setting: DigestSetting | undefined): Promise<void>;
  /** A digest's message, as a roll-up's (a marker while being posted, then its id), by digest id. */
  message(channel: ChannelRef, digestId: string): Promise<RollupMessage | undefined>;
  putMessage(channel: ChannelRef, digestId: string, message: RollupMessage): Promise<void>;
}
