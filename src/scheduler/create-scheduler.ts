import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Clock } from '../clock.ts';
import { BotError } from '../errors.ts';
import type { Logger } from '../log.ts';
import { checkJobs } from './check-jobs.ts';
import { type CronDriver, createCronDriver } from './create-cron-driver.ts';
import { type JobStatus, readSchedulerStatus } from './job-status.ts';
import { type Every, realEvery } from './keep-lease.ts';
import type { LeaseStore } from './lease-store.ts';
import { reportRun, type SchedulerMetrics } from './report-run.ts';
import { type RunOutcome, runJob } from './run-job.ts';
import type { RunRecords } from './run-records.ts';
import type { JobRunRecord, ScheduledJob } from './scheduled-job.ts';

export interface SchedulerOptions {
  jobs: readonly ScheduledJob[];
  leases: LeaseStore;
  clock: Clock;
  log: Logger;
  metrics: SchedulerMetrics;
  /** Where the last runs are kept for `status` (the store's 'scheduler' namespace). */
  status: RunRecords;
  /** This replica in the leases; unique per process. Default: host, pid and a random part. */
  owner?: string;
  /** Ticks; default node-cron. */
  cron?: CronDriver;
  /** Lease renewal timer; default setInterval. */
  every?: Every;
}

export interface Scheduler {
  readonly owner: string;
  /** Schedules every job with cron. */
  start(): void;
  /** One tick of `name` now, under the same overlap guard and lease as a cron tick. Never rejects for a known job. */
  runNow(name: string): Promise<JobRunRecord>;
  status(): Promise<JobStatus[]>;
  /** No more ticks; resolves once the runs in progress have ended. Idempotent. */
  stop(): Promise<void>;
}

/** Runs the declared jobs: one run at a time per job in this process, and once across replicas. */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const cron = options.cron ?? createCronDriver();
  const jobs = checkJobs(options.jobs, cron);
  const owner = options.owner ?? `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
  /** The run of each job in progress here: the overlap guard. */
  const running = new Map<string, Promise<JobRunRecord>>();
  /** Every tick not yet reported, skipped ones included: stop() waits for them. */
  const unsettled = new Set<Promise<JobRunRecord>>();
  const cancels: Array<() => void> = [];
  let state: 'created' | 'started' | 'stopped' = 'created';

  const skippedOverlap = (job: ScheduledJob): RunOutcome => {
    const now = options.clock.now();
    return { record: { job: job.name, result: 'skipped-overlap', owner, startedAt: now, endedAt: now } };
  };

  const tick = (job: ScheduledJob): Promise<JobRunRecord> => {
    const log = options.log.child({ job: job.name });
    const overlaps = running.has(job.name);
    const every = options.every ?? realEvery;
    const outcome = overlaps
      ? Promise.resolve(skippedOverlap(job))
      : runJob(job, { leases: options.leases, owner, clock: options.clock, every, log });
    const done: Promise<JobRunRecord> = outcome
      .then(async (ended) => {
        await reportRun(ended, { log, metrics: options.metrics, status: options.status });
        return ended.record;
      })
      .finally(() => {
        unsettled.delete(done);
        if (!overlaps) running.delete(job.name);
      });
    if (!overlaps) running.set(job.name, done);
    unsettled.add(done);
    return done;
  };

  return {
    owner,
    start() {
      if (state !== 'created') return;
      state = 'started';
      for (const job of jobs.values()) {
        const log = options.log.child({ job: job.name });
        const fire = () => {
          if (state !== 'started') return;
          tick(job).catch((error: unknown) => log.error({ err: error }, 'scheduled tick failed'));
        };
        cancels.push(cron.schedule({ name: job.name, expression: job.cron, fire, log }));
      }
    },
    async runNow(name) {
      const job = jobs.get(name);
      if (job === undefined) throw new TypeError(`no scheduled job named ${name}`);
      if (state === 'stopped') throw new BotError('shutting_down', { details: { job: name } });
      return tick(job);
    },
    status: () => readSchedulerStatus({ records: options.status, jobs: [...jobs.values()] }),
    async stop() {
      state = 'stopped';
      for (const cancel of cancels.splice(0)) cancel();
      await Promise.all(unsettled);
    },
  };
}
