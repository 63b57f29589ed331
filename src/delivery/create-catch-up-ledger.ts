import type { Clock } from '../clock.ts';
import { createKeyedMutex } from '../create-keyed-mutex.ts';
import type { NewJob } from '../queue/job-queue.ts';
import type { ChannelRef } from '../rules/rule.ts';
import type { CardJob } from './card-job.ts';
import { type CatchUpBatch, holdInCatchUp, isCatchUpComplete, openCatchUpBatch } from './catch-up-batch.ts';
import { catchUpClose } from './catch-up-jobs.ts';
import type { CatchUpStore } from './catch-up-store.ts';
import type { CardLock } from './create-card-lock.ts';

/** A batch whose alerts are not all dispatched by then closes anyway (a read that kept failing). */
export const CATCH_UP_CLOSE_AFTER_MS = 15 * 60_000;

export interface CatchUpLedger {
  /** Before a run queues its alerts: their new cards wait for the batch's close. */
  open(input: { id: string; expected: readonly string[]; summaryOver: number }): Promise<void>;
  /**
   * Of the new cards of an alert (one per channel), those posted now: none while the alert's batch
   * is open (they are held in it), all otherwise. Marks the alert dispatched either way.
   */
  admit(
    alertUuid: string,
    cards: readonly { channel: ChannelRef; rule: CardJob['rule'] }[],
  ): Promise<ChannelRef[]>;
  /** Closes the batch (at most once) and resolves with it; undefined when it is unknown. */
  close(batchId: string): Promise<CatchUpBatch | undefined>;
}

/**
 * The catch-up's batches at dispatch time. One batch is read-modify-written at a time (in this
 * process, and across replicas with the lock); its close is a durable job.
 */
export function createCatchUpLedger(options: {
  store: CatchUpStore;
  enqueue: (job: NewJob) => Promise<unknown>;
  clock: Clock;
  lock?: CardLock;
}): CatchUpLedger {
  const { store, enqueue, clock } = options;
  const mutex = createKeyedMutex();
  const lock = options.lock ?? ((_key, task) => task());
  const inBatch = <T>(batchId: string, task: () => Promise<T>) => {
    const key = `catch-up|${batchId}`;
    return mutex.run(key, () => lock(key, task));
  };

  return {
    async open({ id, expected, summaryOver }) {
      const now = clock.now();
      await enqueue(catchUpClose({ batchId: id }, now + CATCH_UP_CLOSE_AFTER_MS, 'due'));
      await store.putBatch(openCatchUpBatch({ id, expected, summaryOver, now }));
      await store.putBatchOf(expected, id);
    },
    async admit(alertUuid, cards) {
      const all = cards.map((card) => card.channel);
      // Most alerts are in no batch: decided without the lock.
      const batchId = await store.batchOf(alertUuid);
      if (batchId === undefined) return all;
      return inBatch(batchId, async () => {
        const batch = await store.batch(batchId);
        if (batch === undefined || batch.closedAt !== null) return all;
        const held = holdInCatchUp(batch, alertUuid, cards);
        await store.putBatch(held);
        if (isCatchUpComplete(held)) await enqueue(catchUpClose({ batchId }, clock.now(), 'complete'));
        return [];
      });
    },
    close: (batchId) =>
      inBatch(batchId, async () => {
        const batch = await store.batch(batchId);
        if (batch === undefined || batch.closedAt !== null) return batch;
        const closed = { ...batch, closedAt: clock.now() };
        await store.putBatch(closed);
        return closed;
      }),
  };
}
