import type { Clock } from '../clock.ts';
import type { AlertStateStore } from '../delivery/alert-state-store.ts';
import type { CatchUpLedger } from '../delivery/create-catch-up-ledger.ts';
import { missedAlertEventJob } from '../delivery/missed-update-job.ts';
import type { NewJob } from '../queue/job-queue.ts';
import type { JobRunContext } from '../scheduler/scheduled-job.ts';
import type { SekoiaAlert } from '../sekoia/alert-schema.ts';
import type { SekoiaApi } from '../sekoia/sekoia-api.ts';
import {
  type CatchUpRecords,
  type CatchUpRun,
  readWatermark,
  writeLastRun,
  writeWatermark,
} from './catch-up-records.ts';
import {
  advanceWatermark,
  isBehindWatermark,
  listingStart,
  type Watermark,
  watermarkAt,
} from './catch-up-watermark.ts';
import { decideCatchUp } from './decide-catch-up.ts';

const PAGE_SIZE = 100;
/** Pages per run (1,000 alerts): a longer backlog goes on at the next tick, from the watermark. */
export const CATCH_UP_MAX_PAGES = 10;
/** Listing stops after this long (a slow or paced API); the next run goes on from the watermark. */
export const CATCH_UP_MAX_LISTING_MS = 2 * 60_000;

interface Missed {
  alert: SekoiaAlert;
  decision: 'new' | 'changed';
  action: 'created' | 'updated';
}

/**
 * The WebHook that was missed: `created` for an alert raised within the span listed, so that
 * alert-raised rules match as they would have; `updated` for any other (an alert the bot read
 * before, or one raised before the span whose state has expired — `updated` is still matched
 * against alert-raised rules, as a live WebHook is).
 */
function missedAction(decision: 'new' | 'changed', alert: SekoiaAlert, fromMs: number): Missed['action'] {
  return decision === 'new' && (alert.created_at ?? 0) * 1_000 >= fromMs ? 'created' : 'updated';
}

/**
 * The catch-up after missed WebHooks: lists the alerts updated since the watermark, oldest first,
 * and queues the WebHook job of each one the bot has not seen at its version (decide-catch-up.ts),
 * through the normal path. More than `summaryOver` queued at once open a batch, so that a channel
 * they would flood gets one summary. The first run only records the watermark (now).
 */
export function createCatchUpRun(options: {
  sekoia: Pick<SekoiaApi, 'listAlerts'>;
  states: Pick<AlertStateStore, 'get'>;
  records: CatchUpRecords;
  ledger: Pick<CatchUpLedger, 'open'>;
  enqueue: (job: NewJob) => Promise<unknown>;
  clock: Clock;
  summaryOver: number;
  maxPages?: number;
}): (context: JobRunContext) => Promise<CatchUpRun> {
  const { records, clock } = options;
  const maxPages = options.maxPages ?? CATCH_UP_MAX_PAGES;
  return async ({ signal, log }) => {
    const now = clock.now();
    const start = await readWatermark(records);
    if (start === undefined) {
      await writeWatermark(records, watermarkAt(now));
      const run = { at: now, first: true, listed: 0, missed: 0, newToBot: 0, more: false, batchId: null };
      await writeLastRun(records, run);
      log.info('catch-up starts now (first run: nothing listed)');
      return run;
    }
    const listing = await list(options, start, now, maxPages, signal);
    const batchId = listing.missed.length > options.summaryOver ? `catch-up-${now}` : null;
    if (batchId !== null)
      await options.ledger.open({
        id: batchId,
        expected: listing.missed.map(({ alert }) => alert.uuid),
        summaryOver: options.summaryOver,
      });
    for (const { alert, action } of listing.missed) {
      const key = `catch-up:${alert.uuid}:${alert.updated_at ?? 0}`;
      await options.enqueue(missedAlertEventJob({ alertUuid: alert.uuid, action, key, now }));
    }
    // Written once the jobs are queued: a failure before retries the same alerts, dropped by their keys.
    await writeWatermark(records, listing.mark);
    const newToBot = listing.missed.filter(({ decision }) => decision === 'new').length;
    const run = {
      at: now,
      first: false,
      listed: listing.listed,
      missed: listing.missed.length,
      newToBot,
      more: listing.more,
      batchId,
    };
    await writeLastRun(records, run);
    if (run.missed > 0) log.info({ ...run }, 'catch-up queued alerts whose WebHook was missed');
    return run;
  };
}

/** The pages since the watermark, and what the bot missed in them. */
async function list(
  options: Parameters<typeof createCatchUpRun>[0],
  start: Watermark,
  now: number,
  maxPages: number,
  signal: AbortSignal,
): Promise<{ listed: number; missed: Missed[]; mark: Watermark; more: boolean }> {
  const from = listingStart(start);
  const missed: Missed[] = [];
  let mark = start;
  let listed = 0;
  for (let page = 0; page < maxPages; page += 1) {
    const late = options.clock.now() - now > CATCH_UP_MAX_LISTING_MS;
    if (signal.aborted || late) return { listed, missed, mark, more: true };
    const { items, size } = await options.sekoia.listAlerts(
      {
        limit: PAGE_SIZE,
        offset: page * PAGE_SIZE,
        updated: { from, to: now },
        sort: 'updated_at',
        direction: 'asc',
      },
      { priority: 'background' },
    );
    listed += items.length;
    for (const alert of items) {
      // Listed by an earlier run at this version (its job may still wait): not counted twice.
      if (isBehindWatermark(start, alert)) continue;
      if (missed.some((known) => known.alert.uuid === alert.uuid)) continue;
      const decision = decideCatchUp(await options.states.get(alert.uuid), alert);
      if (decision !== 'seen') missed.push({ alert, decision, action: missedAction(decision, alert, from) });
      mark = advanceWatermark(mark, alert);
    }
    if (size < PAGE_SIZE) return { listed, missed, mark, more: false };
  }
  return { listed, missed, mark, more: true };
}
