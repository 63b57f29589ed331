import type { ChannelRef } from '../rules/rule.ts';
import type { AccessSetting } from './access-level.ts';

/** A channel as both a command and a click name it: platform and channel id, no team (a click has none). */
export type AccessChannel = Pick<ChannelRef, 'platform' | 'channel'>;

/** Each channel's access setting (implemented in storage/ on a keyv namespace, parsed on read). */
export interface AccessStore {
  /** The setting of the channel; undefined when none was made. */
  get(channel: AccessChannel): Promise<AccessSetting | undefined>;
  set(channel: AccessChannel, setting: AccessSetting): Promise<void>;
}

/** A channel's key: platform and channel id (unique per platform). */
export function accessChannelKey(channel: AccessChannel): string {
  return `${channel.platform}/${encodeURIComponent(channel.channel)}`;
}
