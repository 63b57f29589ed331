import type { Clock } from '../clock.ts';
import { createKeyedMutex } from '../create-keyed-mutex.ts';
import type { Logger } from '../log.ts';
import type { AlertSummary } from '../normalize/notification.ts';
import type { NewJob } from '../queue/job-queue.ts';
import type { PreparedFacts } from '../rules/prepare-facts.ts';
import type { ChannelRef } from '../rules/rule.ts';
import type { AlertStateStore } from './alert-state-store.ts';
import type { CardLock } from './create-card-lock.ts';
import { describeWorkingHours } from './describe-working-hours.ts';
import { type HeldBatch, type HoldCause, holdInBatch, listedAlerts, openBatch } from './held-batch.ts';
import { type HeldRef, holdRelease } from './hold-jobs.ts';
import type { HoldStore } from './hold-store.ts';
import { isWindowOpen, windowBatchId, windowCovers } from './maintenance-window.ts';
import { refreshInRollup } from './rollup-state.ts';
import { atOrAbove } from './storm-policy.ts';
import { stormChannelKey } from './storm-store.ts';
import { isInHours, nextOpening } from './working-hours.ts';

export interface HoldLedger {
  /**
   * Of the channels where the alert would get a new card, those where it does now. In the others it
   * is held: during a maintenance window on its entity or asset, or outside the channel's working
   * hours under its threshold. High urgency always passes.
   */
  admit(alert: AlertSummary, facts: PreparedFacts, candidates: readonly ChannelRef[]): Promise<ChannelRef[]>;
  /** Marks the batch released (its lines brought up to date); `fresh` false when it was already. */
  release(ref: HeldRef, log: Logger): Promise<{ batch: HeldBatch; fresh: boolean } | undefined>;
  /** Runs a change of the channel's hours or windows one at a time with admissions and releases. */
  inChannel<T>(channel: ChannelRef, task: () => Promise<T>): Promise<T>;
}

/**
 * Quiet hours and maintenance windows, decided when a notification is dispatched. Per channel,
 * decisions run one at a time in this process (the batch is read-modify-written); a batch's release
 * is a durable job at the window's opening or closing, queued when its first alert is held.
 */
export function createHoldLedger(options: {
  store: HoldStore;
  states: AlertStateStore;
  enqueue: (job: NewJob) => Promise<unknown>;
  clock: Clock;
  /** Across replicas (the in-process mutex covers this process only). */
  lock?: CardLock;
}): HoldLedger {
  const { store, clock, enqueue } = options;
  const channels = createKeyedMutex();
  const lock = options.lock ?? ((_key, task) => task());
  const inChannel = <T>(channel: ChannelRef, task: () => Promise<T>) => {
    const key = `hold|${stormChannelKey(channel)}`;
    return channels.run(key, () => lock(key, task));
  };

  /** Where the alert is held in this channel now, if anywhere: the batch's id, cause and release time. */
  const holdOf = async (channel: ChannelRef, alert: AlertSummary, facts: PreparedFacts, now: number) => {
    const window = (await store.windows(channel)).find((w) => isWindowOpen(w, now) && windowCovers(w, facts));
    if (window !== undefined) {
      const cause: HoldCause = {
        kind: 'maintenance',
        windowId: window.id,
        label: window.label,
        reason: window.reason,
      };
      return { id: windowBatchId(window), cause, releaseAt: window.endsAt };
    }
    const hours = await store.hours(channel);
    if (hours === undefined || isInHours(hours, now) || atOrAbove(alert.urgencyLevel, hours.holdBelow))
      return undefined;
    const opensAt = nextOpening(hours, now);
    const cause: HoldCause = {
      kind: 'hours',
      opensAt,
      hours: describeWorkingHours(hours),
      holdBelow: hours.holdBelow,
    };
    return { id: `hours-${opensAt}`, cause, releaseAt: opensAt };
  };

  const hold = async (channel: ChannelRef, alert: AlertSummary, facts: PreparedFacts) => {
    // Most channels hold nothing: that is decided without the lock (a lease on a shared store).
    if ((await holdOf(channel, alert, facts, clock.now())) === undefined) return false;
    return inChannel(channel, async () => {
      const now = clock.now();
      const where = await holdOf(channel, alert, facts, now);
      if (where === undefined) return false;
      const current = await store.batch(channel, where.id);
      // Released already (a late alert, or clocks a little apart): it gets its card.
      if (current?.releasedAt != null) return false;
      // Queued before the batch is first written: a crash in between costs a duplicate, dropped by its key.
      if (current === undefined) await enqueue(holdRelease({ channel, batchId: where.id }, where.releaseAt));
      await store.putBatch(
        holdInBatch(current ?? openBatch({ id: where.id, channel, cause: where.cause }, now), alert, now),
      );
      return true;
    });
  };

  return {
    async admit(alert, facts, candidates) {
      if (atOrAbove(alert.urgencyLevel, 'high')) return [...candidates];
      const passed: ChannelRef[] = [];
      for (const channel of candidates) if (!(await hold(channel, alert, facts))) passed.push(channel);
      return passed;
    },
    release: (ref, log) =>
      inChannel(ref.channel, async () => {
        const batch = await store.batch(ref.channel, ref.batchId);
        if (batch === undefined) {
          log.info({ batchId: ref.batchId }, 'nothing was held; no summary');
          return undefined;
        }
        if (batch.releasedAt !== null) return { batch, fresh: false };
        let rollup = batch.rollup;
        for (const uuid of listedAlerts(batch)) {
          const state = await options.states.get(uuid);
          const was = batch.held.find((entry) => entry.uuid === uuid)?.level;
          if (state !== undefined && was !== undefined)
            rollup = refreshInRollup(rollup, state.notification.alert, was);
        }
        const released = { ...batch, rollup, releasedAt: clock.now() };
        await store.putBatch(released);
        return { batch: released, fresh: true };
      }),
    inChannel,
  };
}
