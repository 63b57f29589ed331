import type { Clock } from '../clock.ts';
import type { Config } from '../config/load-config.ts';
import type { AlertStateStore } from '../delivery/alert-state-store.ts';
import type { CardSinks } from '../delivery/card-sink.ts';
import type { CardLock } from '../delivery/create-card-lock.ts';
import type { HoldLedger } from '../delivery/create-hold-ledger.ts';
import { createRollupJobHandler } from '../delivery/create-rollup-job-handler.ts';
import { createStormLedger, type StormLedger } from '../delivery/create-storm-ledger.ts';
import { createStormPanel, type StormPanel } from '../delivery/create-storm-panel.ts';
import type { HoldStore } from '../delivery/hold-store.ts';
import { rollupDeliveryJob, stormCalmJob } from '../delivery/rollup-jobs.ts';
import type { StormDefaults } from '../delivery/storm-policy.ts';
import type { StormStore } from '../delivery/storm-store.ts';
import { defineJob, type JobTableEntry } from '../queue/define-jobs.ts';
import type { NewJob } from '../queue/job-queue.ts';
import { composeHolds } from './compose-holds.ts';
import { CARD_JOB_MAX_ATTEMPTS } from './compose-jobs.ts';

/** STORM_BUDGET, STORM_WINDOW and STORM_OWN_CARD_URGENCY, as the storm parts read them. */
export function stormDefaults(config: Readonly<Config>): StormDefaults {
  return {
    budget: config.STORM_BUDGET,
    windowMs: config.STORM_WINDOW,
    ownCardAt: config.STORM_OWN_CARD_URGENCY,
  };
}

/** What `storm` and `status` see of storms. */
export function composeStormPanel(deps: { config: Readonly<Config>; storms: StormStore }): StormPanel {
  return createStormPanel({ store: deps.storms, defaults: stormDefaults(deps.config) });
}

/**
 * What holds new cards back at dispatch time — card budgets (storms), quiet hours and maintenance
 * windows — and the jobs that show and close the roll-up cards and release what was held.
 */
export function composeStorms(deps: {
  config: Readonly<Config>;
  storms: StormStore;
  holds: HoldStore;
  states: AlertStateStore;
  enqueue: (job: NewJob) => Promise<unknown>;
  clock: Clock;
  sinks: CardSinks;
  /** Across replicas; none on SQLite (one process owns the file). */
  lock: CardLock | undefined;
}): { ledger: StormLedger; holds: HoldLedger; jobs: JobTableEntry[] } {
  const { storms: store, sinks, lock, enqueue, clock } = deps;
  const ledger = createStormLedger({ store, defaults: stormDefaults(deps.config), enqueue, clock });
  const holds = composeHolds(deps);
  return {
    ledger,
    holds: holds.ledger,
    jobs: [
      ...holds.jobs,
      defineJob(rollupDeliveryJob, {
        handle: createRollupJobHandler({ sinks, store, clock, ...(lock ? { lock } : {}) }),
        maxAttempts: CARD_JOB_MAX_ATTEMPTS,
      }),
      defineJob(stormCalmJob, { handle: (ref, _job, log) => ledger.calm(ref, log) }),
    ],
  };
}
