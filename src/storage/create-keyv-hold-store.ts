import type { Keyv } from 'keyv';
import { z } from 'zod';
import { heldBatchSchema } from '../delivery/held-batch.ts';
import type { HoldStore } from '../delivery/hold-store.ts';
import { maintenanceWindowSchema } from '../delivery/maintenance-window.ts';
import { stormChannelKey } from '../delivery/storm-store.ts';
import { workingHoursSchema } from '../delivery/working-hours.ts';
import type { Logger } from '../log.ts';
import { createKeyvRecordReader, summaryMessageSchema } from './read-keyv-record.ts';

/** Batches and their messages are kept this long after their last change (a window is at most 7 days). */
export const HOLD_RETENTION_MS = 14 * 24 * 3_600_000;

/**
 * Quiet hours, maintenance windows and held batches on a keyv namespace (store.keyv('hold')), each
 * parsed with its schema on read: a record that does not parse is logged and read as missing.
 */
export function createKeyvHoldStore(options: { keyv: Keyv; log: Logger; retentionMs?: number }): HoldStore {
  const { keyv, log } = options;
  const ttl = options.retentionMs ?? HOLD_RETENTION_MS;
  const read = createKeyvRecordReader(keyv, log, 'hold');
  return {
    hours: (channel) => read(`hours:${stormChannelKey(channel)}`, workingHoursSchema),
    async setHours(channel, hours) {
      const key = `hours:${stormChannelKey(channel)}`;
      if (hours === undefined) await keyv.delete(key);
      else await keyv.set(key, hours);
    },
    windows: async (channel) =>
      (await read(`windows:${stormChannelKey(channel)}`, z.array(maintenanceWindowSchema))) ?? [],
    async putWindows(channel, windows) {
      const key = `windows:${stormChannelKey(channel)}`;
      if (windows.length === 0) await keyv.delete(key);
      else await keyv.set(key, windows, ttl);
    },
    batch: (channel, id) => read(`batch:${stormChannelKey(channel)}:${id}`, heldBatchSchema),
    async putBatch(batch) {
      await keyv.set(`batch:${stormChannelKey(batch.channel)}:${batch.id}`, batch, ttl);
    },
    message: (channel, id) => read(`message:${stormChannelKey(channel)}:${id}`, summaryMessageSchema),
    async putMessage(channel, id, message) {
      await keyv.set(`message:${stormChannelKey(channel)}:${id}`, message, ttl);
    },
  };
}
