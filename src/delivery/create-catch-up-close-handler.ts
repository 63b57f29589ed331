import type { Clock } from '../clock.ts';
import type { Logger } from '../log.ts';
import type { AlertSummary } from '../normalize/notification.ts';
import { encodeJob } from '../queue/encode-job.ts';
import type { JobHandler } from '../queue/job-kind.ts';
import { JOB_PRIORITY, type NewJob } from '../queue/job-queue.ts';
import type { AlertStateStore } from './alert-state-store.ts';
import { cardDeliveryJob, channelKey } from './card-job.ts';
import { type CardSinks, sinkOf } from './card-sink.ts';
import type { CatchUpBatch } from './catch-up-batch.ts';
import { buildCatchUpCard } from './catch-up-card.ts';
import type { CatchUpRef } from './catch-up-jobs.ts';
import type { CatchUpStore } from './catch-up-store.ts';
import type { CatchUpLedger } from './create-catch-up-ledger.ts';
import { showRollupOnce } from './show-rollup-once.ts';

/**
 * Closes a catch-up batch: a channel where more than `summaryOver` new cards were held gets one
 * summary card (shown once: a repeated job edits it), the others get their cards as usual (each card
 * job queued once, by its key). Repeating the whole job is harmless.
 */
export function createCatchUpCloseHandler(options: {
  ledger: CatchUpLedger;
  store: CatchUpStore;
  states: AlertStateStore;
  sinks: CardSinks;
  enqueue: (job: NewJob) => Promise<unknown>;
  clock: Clock;
  /** Summaries posted by a batch (shown by `status`). */
  onSummaries?: (batchId: string, count: number) => Promise<void>;
}): JobHandler<CatchUpRef> {
  return async (ref, _job, parent) => {
    const log = parent.child({ batchId: ref.batchId });
    const batch = await options.ledger.close(ref.batchId);
    if (batch === undefined) return log.info('catch-up batch unknown or expired; nothing to close');
    let summaries = 0;
    for (const entry of batch.channels) {
      if (entry.held.length > batch.summaryOver) {
        if (await showSummary(options, batch, entry, log)) summaries += 1;
        continue;
      }
      await Promise.all(
        entry.held.map((held) =>
          options.enqueue(
            encodeJob(
              cardDeliveryJob,
              { alertUuid: held.uuid, channel: entry.channel, rule: held.rule },
              {
                dedupeKeys: [`catch-up-card:${batch.id}:${held.uuid}:${channelKey(entry.channel)}`],
                priority: JOB_PRIORITY.low,
              },
            ),
          ),
        ),
      );
    }
    if (summaries > 0) await options.onSummaries?.(batch.id, summaries);
  };
}

/** Posts (or edits) the channel's summary; true when it was posted now. */
async function showSummary(
  options: Parameters<typeof createCatchUpCloseHandler>[0],
  batch: CatchUpBatch,
  entry: CatchUpBatch['channels'][number],
  log: Logger,
): Promise<boolean> {
  const sink = sinkOf(options.sinks, entry.channel.platform);
  if (sink === undefined) {
    log.warn({ platform: entry.channel.platform }, 'platform not enabled; catch-up summary not shown');
    return false;
  }
  const alerts: AlertSummary[] = [];
  for (const held of entry.held) {
    const state = await options.states.get(held.uuid);
    if (state !== undefined) alerts.push(state.notification.alert);
  }
  const card = buildCatchUpCard({
    batchId: batch.id,
    channel: entry.channel,
    alerts,
    summaryOver: batch.summaryOver,
    since: batch.openedAt,
  });
  const { messageId, posted } = await showRollupOnce({
    sink,
    channel: entry.channel,
    card,
    known: await options.store.message(entry.channel, batch.id),
    putMessage: (message) => options.store.putMessage(entry.channel, batch.id, message),
    now: options.clock.now(),
    lookbackMs: 60_000,
  });
  if (posted)
    log.info({ messageId, channel: entry.channel.channel, alerts: alerts.length }, 'catch-up summary posted');
  return posted;
}
