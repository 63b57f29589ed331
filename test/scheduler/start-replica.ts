import type { Clock } from '../../src/clock.ts';
import { createMetrics, type Metrics } from '../../src/metrics/create-metrics.ts';
import { createScheduler, type Scheduler } from '../../src/scheduler/create-scheduler.ts';
import type { LeaseStore } from '../../src/scheduler/lease-store.ts';
import type { RunRecords } from '../../src/scheduler/run-records.ts';
import type { JobRunResult, ScheduledJob } from '../../src/scheduler/scheduled-job.ts';
import { type CapturedLog, captureLog } from '../storage/capture-log.ts';
import { createManualCron, type ManualCron } from './manual-cron.ts';
import { createManualTimers, type ManualTimers } from './manual-timers.ts';

/** One replica's scheduler, with everything a test looks at: log, metrics, timers, cron. */
export interface TestReplica {
  readonly scheduler: Scheduler;
  readonly metrics: Metrics;
  readonly log: CapturedLog;
  readonly timers: ManualTimers;
  readonly cron: ManualCron;
  /** How many ticks of `job` ended with `result` on this replica, per the metric. */
  runs(job: string, result: JobRunResult): Promise<number>;
}

export function startReplica(options: {
  jobs: readonly ScheduledJob[];
  leases: LeaseStore;
  status: RunRecords;
  clock: Clock;
  owner: string;
}): TestReplica {
  const log = captureLog();
  const metrics = createMetrics({
    queueStats: async () => ({ pending: 0, running: 0, dead: 0 }),
    defaultMetrics: false,
  });
  const timers = createManualTimers();
  const cron = createManualCron();
  const scheduler = createScheduler({ ...options, log: log.log, metrics, cron, every: timers.every });
  return {
    scheduler,
    metrics,
    log,
    timers,
    cron,
    async runs(job, result) {
      const { values } = await metrics.scheduledRuns.get();
      return values.find((value) => value.labels.job === job && value.labels.result === result)?.value ?? 0;
    },
  };
}

/** A job with test-sized defaults. */
export function testJob(
  name: string,
  run: ScheduledJob['run'],
  extra: Partial<ScheduledJob> = {},
): ScheduledJob {
  return { name, cron: '*/5 * * * *', leaseMs: 60_000, holdMs: 10_000, run, ...extra };
}
