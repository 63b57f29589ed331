import type { Keyv } from 'keyv';
import { z } from 'zod';
import { createKeyedMutex } from '../create-keyed-mutex.ts';
import { budgetWindowSchema, emptyWindow } from '../delivery/budget-window.ts';
import { ROLLUP_LEVELS, rollupStateSchema } from '../delivery/rollup-state.ts';
import { channelRefSchema, stormSettingSchema } from '../delivery/storm-policy.ts';
import { type OpenStorm, type StormStore, stormChannelKey } from '../delivery/storm-store.ts';
import type { Logger } from '../log.ts';
import { createKeyvRecordReader, summaryMessageSchema } from './read-keyv-record.ts';

/** Roll-ups, their messages and the alerts' memberships are kept this long after their last change. */
export const STORM_RETENTION_MS = 7 * 24 * 3_600_000;
const OPEN = 'open-storms';

const openStormsSchema = z.array(z.strictObject({ channel: channelRefSchema, stormId: z.string().min(1) }));
const membershipsSchema = z.array(
  z.strictObject({ channel: z.string().min(1), stormId: z.string().min(1), level: z.enum(ROLLUP_LEVELS) }),
);

/**
 * Storm records on a keyv namespace (store.keyv('storm')), each parsed with its schema on read: a
 * record that does not parse is logged and read as missing, never trusted.
 */
export function createKeyvStormStore(options: { keyv: Keyv; log: Logger; retentionMs?: number }): StormStore {
  const { keyv, log } = options;
  const ttl = options.retentionMs ?? STORM_RETENTION_MS;
  // The open-storm index is one record shared by every channel.
  const index = createKeyedMutex();

  const read = createKeyvRecordReader(keyv, log, 'storm');
  const openStorms = async (): Promise<OpenStorm[]> => (await read(OPEN, openStormsSchema)) ?? [];

  return {
    setting: (channel) => read(`setting:${stormChannelKey(channel)}`, stormSettingSchema),
    async setSetting(channel, setting) {
      const key = `setting:${stormChannelKey(channel)}`;
      if (setting === undefined) await keyv.delete(key);
      else await keyv.set(key, setting);
    },
    window: async (channel) =>
      (await read(`window:${stormChannelKey(channel)}`, budgetWindowSchema)) ?? emptyWindow(),
    async putWindow(channel, window) {
      await keyv.set(`window:${stormChannelKey(channel)}`, window, ttl);
    },
    openStorms,
    storm: (channel, stormId) => read(`storm:${stormChannelKey(channel)}:${stormId}`, rollupStateSchema),
    async putStorm(state) {
      const key = stormChannelKey(state.channel);
      await keyv.set(`storm:${key}:${state.stormId}`, state, ttl);
      await index.run(OPEN, async () => {
        const open = await openStorms();
        const listed = open.find((storm) => stormChannelKey(storm.channel) === key)?.stormId;
        const isOpen = state.closedAt === null;
        // Written on every alert of a storm: the index changes only when a storm opens or closes.
        if (isOpen ? listed === state.stormId : listed !== state.stormId) return;
        const others = open.filter((storm) => stormChannelKey(storm.channel) !== key);
        const next = isOpen ? [...others, { channel: state.channel, stormId: state.stormId }] : others;
        await keyv.set(OPEN, next);
      });
    },
    rollupMessage: (channel, stormId) =>
      read(`message:${stormChannelKey(channel)}:${stormId}`, summaryMessageSchema),
    async putRollupMessage(channel, stormId, message) {
      await keyv.set(`message:${stormChannelKey(channel)}:${stormId}`, message, ttl);
    },
    memberships: async (alertUuid) => (await read(`members:${alertUuid}`, membershipsSchema)) ?? [],
    async putMemberships(alertUuid, memberships) {
      if (memberships.length === 0) await keyv.delete(`members:${alertUuid}`);
      else await keyv.set(`members:${alertUuid}`, memberships, ttl);
    },
  };
}
