import type { Keyv } from 'keyv';
import { accessSettingSchema } from '../access/access-level.ts';
import { type AccessStore, accessChannelKey } from '../access/access-store.ts';
import type { Logger } from '../log.ts';

/**
 * Each channel's access setting on a keyv namespace (store.keyv('access')), parsed on read: a record
 * that does not parse is logged and read as missing, which is the default level (every member).
 */
export function createKeyvAccessStore(options: { keyv: Keyv; log: Logger }): AccessStore {
  const { keyv, log } = options;
  return {
    async get(channel) {
      const key = `level:${accessChannelKey(channel)}`;
      const value = await keyv.get<unknown>(key);
      if (value === undefined) return undefined;
      const parsed = accessSettingSchema.safeParse(value);
      if (!parsed.success) log.warn({ key: key.slice(0, 200) }, 'corrupt access record ignored');
      return parsed.success ? parsed.data : undefined;
    },
    async set(channel, setting) {
      await keyv.set(`level:${accessChannelKey(channel)}`, setting);
    },
  };
}
