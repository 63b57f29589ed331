import { encodeJob } from '../queue/encode-job.ts';
import type { NewJob } from '../queue/job-queue.ts';
import { rollupDeliveryJob, stormCalmJob } from './rollup-jobs.ts';
import type { RollupState } from './rollup-state.ts';
import { stormChannelKey } from './storm-store.ts';

/** The end of the edit slot `now` falls in: every change of a slot is shown by one edit at its end. */
export function nextSlot(now: number, slotMs: number): number {
  return Math.floor(now / slotMs) * slotMs + slotMs;
}

/**
 * One roll-up edit per channel and slot: the first change of a slot queues the edit at the slot's
 * end, the others carry the same dedupe key and are dropped. The edit reads the roll-up when it runs,
 * after every change of its slot was written, so a burst of 400 alerts is a handful of edits.
 */
export function rollupEdit(state: RollupState, now: number, slotMs: number): NewJob {
  const slot = nextSlot(now, slotMs);
  const ref = { channel: state.channel, stormId: state.stormId };
  const key = `rollup:${stormChannelKey(state.channel)}:${state.stormId}:${slot}`;
  return encodeJob(rollupDeliveryJob, ref, { dedupeKeys: [key], runAt: slot });
}

/**
 * Queues what a changed roll-up needs — its slot's edit, and with `calmAfterMs` a calm check one
 * window on — unless the roll-up records them queued already: a storm costs a queued job per slot,
 * not per alert. Queued before the caller writes the roll-up back, so a crash in between costs a
 * duplicate (dropped by its key), never a missing edit.
 */
export async function queueRollupJobs(
  state: RollupState,
  options: {
    now: number;
    slotMs: number;
    calmAfterMs?: number;
    enqueue: (job: NewJob) => Promise<unknown>;
  },
): Promise<RollupState> {
  const { now, slotMs } = options;
  let next = state;
  if (next.editSlot !== nextSlot(now, slotMs)) {
    await options.enqueue(rollupEdit(next, now, slotMs));
    next = { ...next, editSlot: nextSlot(now, slotMs) };
  }
  if (options.calmAfterMs !== undefined && next.calmAt !== nextSlot(now + options.calmAfterMs, slotMs)) {
    await options.enqueue(calmCheck(next, now + options.calmAfterMs, slotMs));
    next = { ...next, calmAt: nextSlot(now + options.calmAfterMs, slotMs) };
  }
  return next;
}

/** The closing edit, once (its own key: it may come within a slot already edited). */
export function rollupClosingEdit(state: RollupState, now: number): NewJob {
  const ref = { channel: state.channel, stormId: state.stormId };
  const key = `rollup:${stormChannelKey(state.channel)}:${state.stormId}:closed`;
  return encodeJob(rollupDeliveryJob, ref, { dedupeKeys: [key], runAt: now });
}

/**
 * A check one window after the slot of the newest alert: durable, so a restart still closes the
 * storm. One per slot (the same dedupe scheme): a check that finds a newer alert leaves the close to
 * that alert's own check.
 */
export function calmCheck(state: RollupState, at: number, slotMs: number): NewJob {
  const runAt = nextSlot(at, slotMs);
  const ref = { channel: state.channel, stormId: state.stormId };
  const key = `storm-calm:${stormChannelKey(state.channel)}:${state.stormId}:${runAt}`;
  return encodeJob(stormCalmJob, ref, { dedupeKeys: [key], runAt });
}
