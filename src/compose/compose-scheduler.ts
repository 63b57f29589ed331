import type { Clock } from '../clock.ts';
import type { Config } from '../config/load-config.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics/create-metrics.ts';
import type { JobQueue, NewJob } from '../queue/job-queue.ts';
import type { RuleCatalog } from '../rules/create-rule-catalog.ts';
import { createScheduler, type Scheduler } from '../scheduler/create-scheduler.ts';
import { defineScheduledJobs } from '../scheduler/scheduled-jobs.ts';
import type { Store } from '../storage/create-store.ts';
import { createIntakeSilenceCheck } from '../watchers/create-intake-silence-check.ts';
import { createRulesCatalogWatch } from '../watchers/create-rules-catalog-watch.ts';
import type { createSekoiaWatchSources } from '../watchers/create-sekoia-watch-sources.ts';
import { createIntakeSilenceLedger, INTAKE_SILENCE_NAMESPACE } from '../watchers/intake-silence-ledger.ts';
import { type CatchUpRunDeps, composeCatchUpRun } from './compose-catch-up.ts';

/** How long a notification id is remembered for deduplication. */
export const DEDUPE_RETENTION_MS = 7 * 24 * 3_600_000;

/** The scheduled jobs wired to their bodies (the table itself is scheduler/scheduled-jobs.ts). */
export function composeScheduler(deps: {
  config: Readonly<Config>;
  queue: JobQueue;
  store: Store;
  sources: ReturnType<typeof createSekoiaWatchSources>;
  rules: RuleCatalog;
  /** The catch-up's listing and the alert states it compares with. */
  sekoia: CatchUpRunDeps['sekoia'];
  states: CatchUpRunDeps['states'];
  enqueue: (job: NewJob) => Promise<unknown>;
  pause: (ms: number) => Promise<void>;
  clock: Clock;
  log: Logger;
  metrics: Metrics;
}): Scheduler {
  const { queue, store, sources, rules, enqueue, pause, clock, log } = deps;
  // Without an API key the watchers could only fail every tick: they are not scheduled (start says so).
  const watching = Boolean(deps.config.SEKOIA_API_KEY);
  const schedules = {
    rulesCatalogPoll: deps.config.RULES_CATALOG_POLL_CRON,
    intakeSilenceCheck: deps.config.INTAKE_SILENCE_CHECK_CRON,
    catchUp: deps.config.CATCH_UP_CRON,
  };
  return createScheduler({
    jobs: defineScheduledJobs(
      {
        pruneDedupe: () => queue.pruneDedupe(clock.now() - DEDUPE_RETENTION_MS),
        pollRulesCatalog: watching
          ? createRulesCatalogWatch({ source: sources.catalog, records: store.keyv('catalog'), enqueue, log })
          : undefined,
        checkIntakeSilence: watching
          ? createIntakeSilenceCheck({
              source: sources.intakes,
              rules,
              ledger: createIntakeSilenceLedger(store.keyv(INTAKE_SILENCE_NAMESPACE)),
              enqueue,
              clock,
              log,
              pause,
            })
          : undefined,
        catchUp: watching ? composeCatchUpRun(deps) : undefined,
      },
      schedules,
    ),
    leases: store.leases({ clock }),
    clock,
    log,
    metrics: deps.metrics,
    status: store.keyv('scheduler'),
  });
}
