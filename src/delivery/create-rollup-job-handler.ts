import type { Clock } from '../clock.ts';
import { createKeyedMutex } from '../create-keyed-mutex.ts';
import type { Logger } from '../log.ts';
import type { JobHandler } from '../queue/job-kind.ts';
import { type CardSinks, sinkOf } from './card-sink.ts';
import type { CardLock } from './create-card-lock.ts';
import { buildRollupCard } from './rollup-card.ts';
import type { StormRef } from './rollup-jobs.ts';
import { showRollupOnce } from './show-rollup-once.ts';
import type { StormStore } from './storm-store.ts';
import { stormChannelKey } from './storm-store.ts';

/**
 * Shows a storm's roll-up as it is when the job runs: posts it the first time, edits it after. Jobs of
 * one roll-up run one at a time, so a repeated job edits rather than posting a second card; a marker
 * written before the first post makes a try after a crash look for the post before making another.
 */
export function createRollupJobHandler(options: {
  sinks: CardSinks;
  store: StormStore;
  clock: Clock;
  /** How far back to look for a roll-up posted before a crash, before the marker's time. */
  lookbackMs?: number;
  /** Across replicas (the in-process mutex covers this process only). */
  lock?: CardLock;
}): JobHandler<StormRef> {
  const { store, clock } = options;
  const lookbackMs = options.lookbackMs ?? 60_000;
  const mutex = createKeyedMutex();

  const show = async (ref: StormRef, log: Logger) => {
    const sink = sinkOf(options.sinks, ref.channel.platform);
    if (sink === undefined)
      return log.warn({ platform: ref.channel.platform }, 'platform not enabled; roll-up not shown');
    const state = await store.storm(ref.channel, ref.stormId);
    if (state === undefined) return log.warn({ stormId: ref.stormId }, 'roll-up gone; nothing to show');
    const { messageId, posted } = await showRollupOnce({
      sink,
      channel: ref.channel,
      card: buildRollupCard(state),
      known: await store.rollupMessage(ref.channel, ref.stormId),
      putMessage: (message) => store.putRollupMessage(ref.channel, ref.stormId, message),
      now: clock.now(),
      lookbackMs,
    });
    if (posted) log.info({ stormId: ref.stormId, messageId, alerts: state.total }, 'roll-up card posted');
  };

  return async (ref, _job, log) => {
    const key = `rollup|${ref.stormId}|${stormChannelKey(ref.channel)}`;
    const lock = options.lock ?? ((_key, task) => task());
    await mutex.run(key, () =>
      lock(key, () => show(ref, log.child({ stormId: ref.stormId, channel: ref.channel.channel }))),
    );
  };
}
