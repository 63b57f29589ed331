import { setTimeout as sleep } from 'node:timers/promises';
import type { Keyv } from 'keyv';
import { z } from 'zod';
import { createKeyedMutex } from '../create-keyed-mutex.ts';
import {
  type CardHistory,
  changedEntry,
  type HistoryEntry,
  historyEntrySchema,
  postedEntry,
} from '../delivery/card-history.ts';
import type { CardLock } from '../delivery/create-card-lock.ts';
import { stormChannelKey } from '../delivery/storm-store.ts';
import type { Logger } from '../log.ts';

/** Entries are kept this long: a day's digest and a week back, with room for a late run. */
export const HISTORY_RETENTION_MS = 8 * 24 * 3_600_000;
/**
 * Cards listed per channel per hour (about 6,000 a day): past it a channel is in a storm, whose
 * roll-up already counts the alerts, and further cards are left out of the history.
 */
export const HISTORY_HOUR_CAP = 250;
const HOUR_MS = 3_600_000;
/**
 * How long an append waits for the index's lease while another replica holds it (a few store round
 * trips each time), trying again at short random pauses; past it the card is left out (logged).
 */
const LOCK_WAIT_MS = 3_000;
/** Entries read per round trip. */
const READ_BATCH = 200;

const indexSchema = z.array(z.string().min(1).max(100)).max(HISTORY_HOUR_CAP);

/**
 * The channels' card history on a keyv namespace (store.keyv('history')): one record per card
 * (`entry:<channel>:<alert>`), written under the card's own lock, and per channel one list of the
 * alerts posted in each hour (`index:<channel>:<hour>`). The lists are the only records that two
 * cards share: they are read-modify-written one at a time, in this process by a mutex and across
 * replicas by `lock` (a lease), so no append is lost; the cards that arrive while one write runs
 * go together in the next. Everything expires after the retention.
 */
export function createKeyvCardHistory(options: {
  keyv: Keyv;
  log: Logger;
  lock?: CardLock | undefined;
  retentionMs?: number;
}): CardHistory {
  const { keyv, log } = options;
  const ttl = options.retentionMs ?? HISTORY_RETENTION_MS;
  const mutex = createKeyedMutex();
  const lock = options.lock ?? ((_key, task) => task());
  const entryKey = (channel: HistoryEntry['channel'], uuid: string) =>
    `entry:${stormChannelKey(channel)}:${uuid}`;
  const indexKey = (channel: HistoryEntry['channel'], hour: number) =>
    `index:${stormChannelKey(channel)}:${hour}`;

  const readIndex = (value: unknown, key: string): string[] => {
    if (value === undefined) return [];
    const parsed = indexSchema.safeParse(value);
    if (!parsed.success) log.warn({ key: key.slice(0, 200) }, 'corrupt card history index ignored');
    return parsed.success ? parsed.data : [];
  };

  /** Per index key, the alerts waiting for the next write: one lease and one write for them all. */
  const waiting = new Map<string, { uuids: Set<string>; written: Promise<void> }>();

  const write = async (key: string, uuids: ReadonlySet<string>, channel: string) => {
    const listed = readIndex(await keyv.get<unknown>(key), key);
    const added = [...uuids].filter((uuid) => !listed.includes(uuid));
    if (added.length === 0) return;
    const room = HISTORY_HOUR_CAP - listed.length;
    if (added.length > room)
      log.warn({ channel, left: added.length - room }, 'card history full for this hour');
    if (room > 0) await keyv.set(key, [...listed, ...added.slice(0, room)], ttl);
  };

  const writeWithLease = async (key: string, uuids: ReadonlySet<string>, channel: string) => {
    const since = performance.now();
    for (;;) {
      try {
        return await lock(`history|${key}`, () => write(key, uuids, channel));
      } catch (error) {
        if (performance.now() - since >= LOCK_WAIT_MS) throw error;
        await sleep(5 + Math.random() * 25);
      }
    }
  };

  const append = (entry: HistoryEntry): Promise<void> => {
    const key = indexKey(entry.channel, Math.floor(entry.postedAt / HOUR_MS));
    let batch = waiting.get(key);
    if (batch === undefined) {
      const uuids = new Set<string>();
      const written = mutex.run(key, () => {
        // From here on, new cards wait for the next write.
        if (waiting.get(key)?.uuids === uuids) waiting.delete(key);
        return writeWithLease(key, uuids, entry.channel.channel);
      });
      batch = { uuids, written };
      waiting.set(key, batch);
    }
    batch.uuids.add(entry.line.uuid);
    return batch.written;
  };

  const readEntry = async (key: string) => parseEntry(await keyv.get<unknown>(key), key);
  const parseEntry = (value: unknown, key: string): HistoryEntry | undefined => {
    if (value === undefined || value === null) return undefined;
    const parsed = historyEntrySchema.safeParse(value);
    if (!parsed.success) log.warn({ key: key.slice(0, 200) }, 'corrupt card history entry ignored');
    return parsed.success ? parsed.data : undefined;
  };

  return {
    async posted(shown) {
      const entry = postedEntry(shown);
      await keyv.set(entryKey(entry.channel, entry.line.uuid), entry, ttl);
      await append(entry);
    },
    async statusChanged(shown) {
      const key = entryKey(shown.channel, shown.alert.uuid);
      const entry = await readEntry(key);
      if (entry !== undefined) await keyv.set(key, changedEntry(entry, shown), ttl);
    },
    async postedBetween(channel, from, to) {
      const hours: number[] = [];
      for (let hour = Math.floor(from / HOUR_MS); hour * HOUR_MS < to; hour += 1) hours.push(hour);
      const indexKeys = hours.map((hour) => indexKey(channel, hour));
      const lists = indexKeys.length === 0 ? [] : await keyv.getMany<unknown>(indexKeys);
      const uuids = lists.flatMap((value, i) => readIndex(value, indexKeys[i] ?? ''));
      const keys = [...new Set(uuids)].map((uuid) => entryKey(channel, uuid));
      const entries: HistoryEntry[] = [];
      for (let at = 0; at < keys.length; at += READ_BATCH) {
        const batch = keys.slice(at, at + READ_BATCH);
        const values = await keyv.getMany<unknown>(batch);
        values.forEach((value, i) => {
          const entry = parseEntry(value, batch[i] ?? '');
          if (entry !== undefined && entry.postedAt >= from && entry.postedAt < to) entries.push(entry);
        });
      }
      return entries.sort((a, b) => a.postedAt - b.postedAt);
    },
  };
}
