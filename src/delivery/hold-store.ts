import type { ChannelRef } from '../rules/rule.ts';
import type { HeldBatch } from './held-batch.ts';
import type { MaintenanceWindow } from './maintenance-window.ts';
import type { RollupMessage } from './storm-store.ts';
import type { WorkingHours } from './working-hours.ts';

/**
 * What quiet hours and maintenance windows keep per channel (implemented in storage/ on a keyv
 * namespace, parsed on read). Read-modify-writes are serialized by the hold ledger.
 */
export interface HoldStore {
  hours(channel: ChannelRef): Promise<WorkingHours | undefined>;
  setHours(channel: ChannelRef, hours: WorkingHours | undefined): Promise<void>;
  /** The channel's maintenance windows not yet closed. */
  windows(channel: ChannelRef): Promise<MaintenanceWindow[]>;
  putWindows(channel: ChannelRef, windows: MaintenanceWindow[]): Promise<void>;
  batch(channel: ChannelRef, batchId: string): Promise<HeldBatch | undefined>;
  putBatch(batch: HeldBatch): Promise<void>;
  /** The summary's message, as a roll-up's (a marker while being posted, then its id). */
  message(channel: ChannelRef, batchId: string): Promise<RollupMessage | undefined>;
  putMessage(channel: ChannelRef, batchId: string, message: RollupMessage): Promise<void>;
}
