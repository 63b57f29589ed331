import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics/create-metrics.ts';
import { writeJobRecord } from './job-status.ts';
import type { RunOutcome } from './run-job.ts';
import type { RunRecords } from './run-records.ts';

export type SchedulerMetrics = Pick<Metrics, 'scheduledRuns' | 'scheduledLastSuccess'>;

export interface ReportRunOptions {
  /** The job's logger. */
  log: Logger;
  metrics: SchedulerMetrics;
  status: RunRecords;
}

/** Logs a tick, counts it and keeps it for `status`. Never rejects. */
export async function reportRun(outcome: RunOutcome, options: ReportRunOptions): Promise<void> {
  const { record } = outcome;
  const { log, metrics } = options;
  metrics.scheduledRuns.inc({ job: record.job, result: record.result });
  const durationMs = record.endedAt - record.startedAt;
  switch (record.result) {
    case 'ok':
      metrics.scheduledLastSuccess.set({ job: record.job }, record.endedAt / 1000);
      log.info({ durationMs }, 'scheduled job ran');
      break;
    case 'error':
      log.error({ code: record.errorCode, err: outcome.error, durationMs }, 'scheduled job failed');
      break;
    case 'skipped-overlap':
      log.warn('scheduled job still running from the previous tick: this tick is skipped');
      break;
    case 'skipped-lease':
      log.debug('another replica holds the lease of this tick: skipped');
      break;
  }
  await writeJobRecord(options.status, record).catch((error: unknown) =>
    log.warn({ err: error }, 'could not record the scheduled run for status'),
  );
}
