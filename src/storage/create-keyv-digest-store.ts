import type { Keyv } from 'keyv';
import { digestSettingSchema } from '../delivery/digest-setting.ts';
import type { DigestStore } from '../delivery/digest-store.ts';
import { stormChannelKey } from '../delivery/storm-store.ts';
import type { Logger } from '../log.ts';
import { createKeyvRecordReader, summaryMessageSchema } from './read-keyv-record.ts';

/** A digest's message is kept past the day it covers, for a late retry to find it. */
const MESSAGE_RETENTION_MS = 3 * 24 * 3_600_000;

/** Digest settings and messages on a keyv namespace (store.keyv('digest')), parsed on read. */
export function createKeyvDigestStore(options: { keyv: Keyv; log: Logger }): DigestStore {
  const { keyv, log } = options;
  const read = createKeyvRecordReader(keyv, log, 'digest');
  return {
    setting: (channel) => read(`setting:${stormChannelKey(channel)}`, digestSettingSchema),
    async setSetting(channel, setting) {
      const key = `setting:${stormChannelKey(channel)}`;
      if (setting === undefined) await keyv.delete(key);
      else await keyv.set(key, setting);
    },
    message: (channel, id) => read(`message:${stormChannelKey(channel)}:${id}`, summaryMessageSchema),
    async putMessage(channel, id, message) {
      await keyv.set(`message:${stormChannelKey(channel)}:${id}`, message, MESSAGE_RETENTION_MS);
    },
  };
}
