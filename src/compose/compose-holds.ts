import type { Clock } from '../clock.ts';
import type { AlertStateStore } from '../delivery/alert-state-store.ts';
import type { CardSinks } from '../delivery/card-sink.ts';
import { type CardLock, createCardLock } from '../delivery/create-card-lock.ts';
import { createHoldLedger, type HoldLedger } from '../delivery/create-hold-ledger.ts';
import { createHoldPanel, type HoldPanel } from '../delivery/create-hold-panel.ts';
import { createHoldReleaseHandler } from '../delivery/create-hold-release-handler.ts';
import { holdReleaseJob } from '../delivery/hold-jobs.ts';
import type { HoldStore } from '../delivery/hold-store.ts';
import { defineJob, type JobTableEntry } from '../queue/define-jobs.ts';
import type { NewJob } from '../queue/job-queue.ts';
import type { Store } from '../storage/create-store.ts';
import { CARD_JOB_MAX_ATTEMPTS } from './compose-jobs.ts';

interface HoldDeps {
  holds: HoldStore;
  states: AlertStateStore;
  clock: Clock;
}

/** What `hours` and `maintenance` see and change; on Redis or PostgreSQL, one change per channel across replicas. */
export function composeHoldPanel(
  deps: HoldDeps & { store: Store; enqueue: (job: NewJob) => Promise<unknown> },
): HoldPanel {
  const { store, clock, states, enqueue } = deps;
  const lock = store.kind === 'sqlite' ? undefined : createCardLock({ leases: store.leases({ clock }) });
  const ledger = createHoldLedger({ store: deps.holds, states, enqueue, clock, ...(lock ? { lock } : {}) });
  return createHoldPanel({ store: deps.holds, ledger, enqueue: deps.enqueue, clock });
}

/** Quiet hours and maintenance windows at dispatch time, and the job that releases a held batch. */
export function composeHolds(
  deps: HoldDeps & {
    enqueue: (job: NewJob) => Promise<unknown>;
    sinks: CardSinks;
    lock: CardLock | undefined;
  },
): { ledger: HoldLedger; jobs: JobTableEntry[] } {
  const { holds: store, sinks, lock, clock, states, enqueue } = deps;
  const ledger = createHoldLedger({ store, states, enqueue, clock, ...(lock ? { lock } : {}) });
  const handle = createHoldReleaseHandler({ ledger, store, sinks, clock, ...(lock ? { lock } : {}) });
  return { ledger, jobs: [defineJob(holdReleaseJob, { handle, maxAttempts: CARD_JOB_MAX_ATTEMPTS })] };
}
