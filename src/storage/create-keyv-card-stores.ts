import type { Keyv } from 'keyv';
import { createKeyedMutex } from '../create-keyed-mutex.ts';
import type { AlertStateStore } from '../delivery/alert-state-store.ts';
import type { CardStore } from '../delivery/card-store.ts';
import type { Logger } from '../log.ts';
import type { ChannelRef } from '../rules/rule.ts';
import type { LeaseStore } from '../scheduler/lease-store.ts';
import { cardRecordSchema, channelListSchema, parseAlertState } from './card-schemas.ts';
import { createLeaseGuard, type LeaseGuard } from './create-lease-guard.ts';

/** Cards and alert states are kept this long after their last change (older alerts get a new card). */
export const CARD_RETENTION_MS = 90 * 24 * 3_600_000;

export interface CreateKeyvCardStoresOptions {
  /** A namespace of its own, e.g. store.keyv('cards'). */
  keyv: Keyv;
  log: Logger;
  retentionMs?: number;
  /** Shared with other replicas (Redis, PostgreSQL): their read-modify-writes are then leased. */
  leases?: LeaseStore;
}

/**
 * The card-per-alert map and the newest alert states on keyv. Read-modify-writes (the channel list of
 * an alert, keeping the newest state) are serialized per alert in this process and, given leases,
 * across replicas; card jobs of one card are already serialized by the job handler.
 */
export function createKeyvCardStores(options: CreateKeyvCardStoresOptions): {
  cards: CardStore;
  states: AlertStateStore;
} {
  const { keyv, log } = options;
  const ttl = options.retentionMs ?? CARD_RETENTION_MS;
  const mutex = createKeyedMutex();
  const serialize: LeaseGuard = options.leases
    ? createLeaseGuard({ leases: options.leases })
    : (key, task) => mutex.run(key, task);
  // Channel ids are unique per platform; the team is left out because a click in a direct message
  // carries no team while the command that made the rule did.
  const cardKey = (alertUuid: string, channel: { platform: string; channel: string }) =>
    `card:${alertUuid}:${channel.platform}/${encodeURIComponent(channel.channel)}`;
  const listKey = (alertUuid: string) => `channels:${alertUuid}`;
  const stateKey = (alertUuid: string) => `state:${alertUuid}`;

  const readChannels = async (alertUuid: string) => {
    const parsed = channelListSchema.safeParse((await keyv.get<unknown>(listKey(alertUuid))) ?? []);
    if (!parsed.success) log.warn({ alertUuid }, 'corrupt card channel list ignored');
    return parsed.success ? parsed.data : [];
  };

  const cards: CardStore = {
    async get(alertUuid, channel) {
      const value = await keyv.get<unknown>(cardKey(alertUuid, channel));
      if (value === undefined) return undefined;
      const parsed = cardRecordSchema.safeParse(value);
      if (!parsed.success) log.warn({ alertUuid }, 'corrupt card record ignored');
      return parsed.success ? parsed.data : undefined;
    },
    async put(record) {
      await keyv.set(cardKey(record.alertUuid, record.channel), record, ttl);
      const listed = (channels: ChannelRef[]) =>
        channels.some(
          (channel) =>
            channel.platform === record.channel.platform && channel.channel === record.channel.channel,
        );
      // Most puts edit a card already listed: no lease for them.
      if (listed(await readChannels(record.alertUuid))) return;
      await serialize(`cards:${listKey(record.alertUuid)}`, async () => {
        const channels = await readChannels(record.alertUuid);
        if (listed(channels)) return;
        await keyv.set(listKey(record.alertUuid), [...channels, record.channel], ttl);
      });
    },
    channelsOf: readChannels,
  };

  const states: AlertStateStore = {
    async get(alertUuid) {
      const value = await keyv.get<unknown>(stateKey(alertUuid));
      if (value === undefined) return undefined;
      const state = parseAlertState(value);
      if (state === undefined) log.warn({ alertUuid }, 'corrupt alert state ignored');
      return state;
    },
    offer: (state) =>
      serialize(`cards:${stateKey(state.notification.alert.uuid)}`, async () => {
        const current = await states.get(state.notification.alert.uuid);
        if (current !== undefined && current.notification.observedAt > state.notification.observedAt) {
          return current;
        }
        const kept = { ...state, activity: state.activity ?? current?.activity ?? null };
        await keyv.set(stateKey(state.notification.alert.uuid), kept, ttl);
        return kept;
      }),
  };
  return { cards, states };
}
