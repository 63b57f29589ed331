import type { ChannelRef } from '../rules/rule.ts';
import type { CatchUpBatch } from './catch-up-batch.ts';
import type { RollupMessage } from './storm-store.ts';

/**
 * What the catch-up's batches keep (implemented in storage/ on a keyv namespace, parsed on read).
 * Read-modify-writes of a batch are serialized by the catch-up ledger.
 */
export interface CatchUpStore {
  batch(batchId: string): Promise<CatchUpBatch | undefined>;
  putBatch(batch: CatchUpBatch): Promise<void>;
  /** The open batch an alert was queued in, if any. */
  batchOf(alertUuid: string): Promise<string | undefined>;
  putBatchOf(alertUuids: readonly string[], batchId: string): Promise<void>;
  /** A channel's summary message, as a roll-up's (a marker while being posted, then its id). */
  message(channel: ChannelRef, batchId: string): Promise<RollupMessage | undefined>;
  putMessage(channel: ChannelRef, batchId: string, message: RollupMessage): Promise<void>;
}
