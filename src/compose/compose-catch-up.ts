import type { Clock } from '../clock.ts';
import type { Config } from '../config/load-config.ts';
import type { AlertStateStore } from '../delivery/alert-state-store.ts';
import type { CardSinks } from '../delivery/card-sink.ts';
import { catchUpCloseJob } from '../delivery/catch-up-jobs.ts';
import type { CatchUpStore } from '../delivery/catch-up-store.ts';
import type { CardLock } from '../delivery/create-card-lock.ts';
import { createCatchUpCloseHandler } from '../delivery/create-catch-up-close-handler.ts';
import { type CatchUpLedger, createCatchUpLedger } from '../delivery/create-catch-up-ledger.ts';
import type { Logger } from '../log.ts';
import { defineJob, type JobTableEntry } from '../queue/define-jobs.ts';
import type { NewJob } from '../queue/job-queue.ts';
import type { SekoiaApi } from '../sekoia/sekoia-api.ts';
import { createKeyvCatchUpStore } from '../storage/create-keyv-catch-up-store.ts';
import type { Store } from '../storage/create-store.ts';
import { type CatchUpRecords, writeSummaries } from '../watchers/catch-up-records.ts';
import { createCatchUpRun } from '../watchers/create-catch-up-run.ts';
import { CARD_JOB_MAX_ATTEMPTS } from './compose-jobs.ts';

/** The store namespace of the catch-up: its watermark, last run, batches and summaries. */
export const CATCH_UP_NAMESPACE = 'catch-up';

interface CatchUpDeps {
  store: Store;
  clock: Clock;
  log: Logger;
  enqueue: (job: NewJob) => Promise<unknown>;
  lock?: CardLock | undefined;
}

/** The catch-up's records and batches, as the scheduled run and the dispatcher share them. */
export function composeCatchUpLedger(deps: CatchUpDeps): {
  records: CatchUpRecords;
  store: CatchUpStore;
  ledger: CatchUpLedger;
} {
  const keyv = deps.store.keyv(CATCH_UP_NAMESPACE);
  const store = createKeyvCatchUpStore({ keyv, log: deps.log });
  const { clock, enqueue, lock } = deps;
  const ledger = createCatchUpLedger({ store, enqueue, clock, ...(lock ? { lock } : {}) });
  return { records: keyv, store, ledger };
}

/** The dispatcher's side: the ledger that holds a batch's new cards, and the job that closes a batch. */
export function composeCatchUpDelivery(deps: CatchUpDeps & { states: AlertStateStore; sinks: CardSinks }): {
  ledger: CatchUpLedger;
  jobs: JobTableEntry[];
} {
  const { records, store, ledger } = composeCatchUpLedger(deps);
  const { states, sinks, enqueue, clock } = deps;
  const handle = createCatchUpCloseHandler({
    ...{ ledger, store, states, sinks, enqueue, clock },
    onSummaries: async (batchId, count) => void (await writeSummaries(records, batchId, count)),
  });
  return { ledger, jobs: [defineJob(catchUpCloseJob, { handle, maxAttempts: CARD_JOB_MAX_ATTEMPTS })] };
}

export type CatchUpRunDeps = CatchUpDeps & {
  config: Readonly<Config>;
  sekoia: Pick<SekoiaApi, 'listAlerts'>;
  states: Pick<AlertStateStore, 'get'>;
};

/** The scheduled catch-up (CATCH_UP_CRON): lists what changed, queues what the bot missed. */
export function composeCatchUpRun(deps: CatchUpRunDeps) {
  const { records, ledger } = composeCatchUpLedger(deps);
  const { sekoia, states, enqueue, clock } = deps;
  return createCatchUpRun({
    sekoia,
    states,
    records,
    ledger,
    enqueue,
    clock,
    summaryOver: deps.config.CATCH_UP_SUMMARY_OVER,
  });
}
