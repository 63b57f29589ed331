import type { Clock } from '../clock.ts';
import { createKeyedMutex } from '../create-keyed-mutex.ts';
import type { JobHandler } from '../queue/job-kind.ts';
import { type CardSinks, sinkOf } from './card-sink.ts';
import type { CardLock } from './create-card-lock.ts';
import type { HoldLedger } from './create-hold-ledger.ts';
import { buildHeldCard } from './held-card.ts';
import type { HeldRef } from './hold-jobs.ts';
import type { HoldStore } from './hold-store.ts';
import { showRollupOnce } from './show-rollup-once.ts';
import { stormChannelKey } from './storm-store.ts';

/**
 * At a window's opening or closing: releases the channel's batch and shows its summary, once (a
 * repeated job edits the summary it finds instead of posting a second one).
 */
export function createHoldReleaseHandler(options: {
  ledger: HoldLedger;
  store: HoldStore;
  sinks: CardSinks;
  clock: Clock;
  lock?: CardLock;
}): JobHandler<HeldRef> {
  const { ledger, store, clock } = options;
  const mutex = createKeyedMutex();
  return async (ref, _job, parent) => {
    const log = parent.child({ batchId: ref.batchId, channel: ref.channel.channel });
    const key = `held|${ref.batchId}|${stormChannelKey(ref.channel)}`;
    const lock = options.lock ?? ((_key, task) => task());
    await mutex.run(key, () =>
      lock(key, async () => {
        const released = await ledger.release(ref, log);
        if (released === undefined) return;
        const { batch, fresh } = released;
        const known = await store.message(ref.channel, ref.batchId);
        // The scheduled release after an early one (`maintenance end`): the summary is there already.
        if (!fresh && known?.messageId) return;
        const sink = sinkOf(options.sinks, ref.channel.platform);
        if (sink === undefined)
          return log.warn({ platform: ref.channel.platform }, 'platform not enabled; summary not shown');
        const { messageId, posted } = await showRollupOnce({
          sink,
          channel: ref.channel,
          card: buildHeldCard(batch),
          known,
          putMessage: (message) => store.putMessage(ref.channel, ref.batchId, message),
          now: clock.now(),
          lookbackMs: 60_000,
        });
        if (posted) log.info({ messageId, alerts: batch.rollup.total }, 'held alerts released');
      }),
    );
  };
}
