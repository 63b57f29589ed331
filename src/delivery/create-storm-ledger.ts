import type { Clock } from '../clock.ts';
import { createKeyedMutex } from '../create-keyed-mutex.ts';
import type { Logger } from '../log.ts';
import type { AlertSummary } from '../normalize/notification.ts';
import type { NewJob } from '../queue/job-queue.ts';
import type { ChannelRef } from '../rules/rule.ts';
import { admitCard, admittedIn, roomAt } from './budget-window.ts';
import type { StormRef } from './rollup-jobs.ts';
import { addToRollup, closeRollup, openRollup, type RollupLevel, refreshInRollup } from './rollup-state.ts';
import { calmCheck, queueRollupJobs, rollupClosingEdit } from './schedule-rollup-jobs.ts';
import { atOrAbove, budgetInForce, type StormDefaults } from './storm-policy.ts';
import { type RollupMembership, type StormStore, stormChannelKey } from './storm-store.ts';

/** At most one roll-up edit per channel per this many ms. */
export const ROLLUP_EDIT_MS = 5_000;
const MAX_MEMBERSHIPS = 100;

export interface StormLedger {
  /**
   * Of the channels where the alert would get a new card, those where it does (under budget, or
   * urgent enough); in the others it goes into the roll-up. Roll-ups that already hold the alert
   * get its line refreshed. Nothing is dropped: each channel gets a card or a roll-up line.
   */
  admit(alert: AlertSummary, candidates: readonly ChannelRef[]): Promise<ChannelRef[]>;
  /** Closes the storm when no alert went into its roll-up for a window and the channel has room again. */
  calm(ref: StormRef, log: Logger): Promise<void>;
}

type Verdict = { card: true } | { card: false; membership: RollupMembership };

/**
 * Card budgets and roll-ups, decided when a notification is dispatched. Per channel, decisions run
 * one at a time in this process (the window and the roll-up are read-modify-written); per alert, so
 * that its memberships are too. Locks are taken alert first, then channel.
 */
export function createStormLedger(options: {
  store: StormStore;
  defaults: StormDefaults;
  enqueue: (job: NewJob) => Promise<unknown>;
  clock: Clock;
  editMs?: number;
}): StormLedger {
  const { store, defaults, clock, enqueue } = options;
  const editMs = options.editMs ?? ROLLUP_EDIT_MS;
  const alerts = createKeyedMutex();
  const channels = createKeyedMutex();

  const openStormOf = async (key: string) =>
    (await store.openStorms()).find((open) => stormChannelKey(open.channel) === key);

  const decide = (channel: ChannelRef, alert: AlertSummary): Promise<Verdict> =>
    channels.run(stormChannelKey(channel), async () => {
      const budget = budgetInForce(await store.setting(channel), defaults);
      if (budget === null) return { card: true };
      const window = await store.window(channel);
      if (admittedIn(window, alert.uuid)) return { card: true };
      const now = clock.now();
      const ownCard = atOrAbove(alert.urgencyLevel, defaults.ownCardAt);
      const admission = admitCard(window, { now, budget, uuid: alert.uuid, ownCard });
      if (admission.admitted) {
        await store.putWindow(channel, admission.window);
        return { card: true };
      }
      const open = await openStormOf(stormChannelKey(channel));
      const current = open && (await store.storm(channel, open.stormId));
      const state = addToRollup(
        current ?? openRollup({ channel, ...budget, ownCardAt: defaults.ownCardAt }, now),
        alert,
        now,
      );
      const calmAfterMs = budget.windowMs;
      await store.putStorm(await queueRollupJobs(state, { now, slotMs: editMs, calmAfterMs, enqueue }));
      const level = alert.urgencyLevel ?? 'unknown';
      return {
        card: false,
        membership: { channel: stormChannelKey(channel), stormId: state.stormId, level },
      };
    });

  const refresh = (open: StormRef, alert: AlertSummary, was: RollupLevel) =>
    channels.run(stormChannelKey(open.channel), async () => {
      const state = await store.storm(open.channel, open.stormId);
      if (state === undefined || state.closedAt !== null) return;
      const next = refreshInRollup(state, alert, was);
      await store.putStorm(await queueRollupJobs(next, { now: clock.now(), slotMs: editMs, enqueue }));
    });

  return {
    admit: (alert, candidates) =>
      alerts.run(alert.uuid, async () => {
        const memberships = await store.memberships(alert.uuid);
        const open = await store.openStorms();
        const openOf = (key: string) => open.find((storm) => stormChannelKey(storm.channel) === key);
        // Roll-ups since closed are left as they are: the alert was a line of their summary.
        const current = memberships.filter((m) => openOf(m.channel)?.stormId === m.stormId);
        const kept: RollupMembership[] = [];
        for (const membership of current) {
          const storm = openOf(membership.channel);
          if (storm !== undefined) await refresh(storm, alert, membership.level);
          kept.push({ ...membership, level: alert.urgencyLevel ?? 'unknown' });
        }
        const cards: ChannelRef[] = [];
        for (const channel of candidates) {
          if (kept.some((m) => m.channel === stormChannelKey(channel))) continue;
          const verdict = await decide(channel, alert);
          if (verdict.card) cards.push(channel);
          else kept.push(verdict.membership);
        }
        const next = kept.slice(-MAX_MEMBERSHIPS);
        if (JSON.stringify(next) !== JSON.stringify(memberships))
          await store.putMemberships(alert.uuid, next);
        return cards;
      }),

    calm: (ref, log) =>
      channels.run(stormChannelKey(ref.channel), async () => {
        const state = await store.storm(ref.channel, ref.stormId);
        if (state === undefined || state.closedAt !== null) return;
        const now = clock.now();
        const budget = budgetInForce(await store.setting(ref.channel), defaults);
        const calmAt = state.lastRolledAt + (budget?.windowMs ?? state.windowMs);
        // Too soon (a newer alert, or `storm budget` changed the window): check again then. The newer
        // alert's check has the same key when the window did not change, and is dropped as a duplicate.
        const room = now < calmAt ? calmAt : budget && roomAt(await store.window(ref.channel), now, budget);
        if (room !== undefined && room !== null) {
          await enqueue(calmCheck(state, room, editMs));
          return;
        }
        const closed = closeRollup(state, now);
        await store.putStorm(closed);
        await enqueue(rollupClosingEdit(closed, now));
        log.info({ stormId: state.stormId, alerts: state.total }, 'storm over; roll-up closed');
      }),
  };
}
