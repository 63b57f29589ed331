import type { Keyv } from 'keyv';
import { z } from 'zod';
import { catchUpBatchSchema } from '../delivery/catch-up-batch.ts';
import type { CatchUpStore } from '../delivery/catch-up-store.ts';
import { stormChannelKey } from '../delivery/storm-store.ts';
import type { Logger } from '../log.ts';
import { createKeyvRecordReader, summaryMessageSchema } from './read-keyv-record.ts';

/** A batch closes within minutes; its records are kept a day for a late retry of its jobs. */
export const CATCH_UP_RETENTION_MS = 24 * 3_600_000;

/**
 * The catch-up's batches on a keyv namespace (store.keyv('catch-up')), each parsed on read: a record
 * that does not parse is logged and read as missing.
 */
export function createKeyvCatchUpStore(options: { keyv: Keyv; log: Logger }): CatchUpStore {
  const { keyv, log } = options;
  const ttl = CATCH_UP_RETENTION_MS;
  const read = createKeyvRecordReader(keyv, log, 'catch-up');
  return {
    batch: (id) => read(`batch:${id}`, catchUpBatchSchema),
    async putBatch(batch) {
      await keyv.set(`batch:${batch.id}`, batch, ttl);
    },
    batchOf: (uuid) => read(`alert:${uuid}`, z.string().min(1).max(40)),
    async putBatchOf(uuids, batchId) {
      await Promise.all(uuids.map((uuid) => keyv.set(`alert:${uuid}`, batchId, ttl)));
    },
    message: (channel, id) => read(`message:${stormChannelKey(channel)}:${id}`, summaryMessageSchema),
    async putMessage(channel, id, message) {
      await keyv.set(`message:${stormChannelKey(channel)}:${id}`, message, ttl);
    },
  };
}
