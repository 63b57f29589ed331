import { DEFAULT_HOLD_MS } from './run-job.ts';
import type { JobBody, ScheduledJob } from './scheduled-job.ts';
import { shortestCronGapMs } from './shortest-cron-gap.ts';

const MINUTE = 60_000;

/** What the jobs do; each lives with its feature, and a job whose body is absent is not scheduled. */
export interface ScheduledJobBodies {
  /** Forgets WebHook dedupe keys older than their retention. */
  pruneDedupe: JobBody;
  /** Looks at the Sekoia.io rules catalog for rules added since the last poll. */
  pollRulesCatalog?: JobBody | undefined;
  /** Looks for intakes that went silent, or came back. */
  checkIntakeSilence?: JobBody | undefined;
  /** Lists the alerts changed since the last one seen and processes those the bot missed. */
  catchUp?: JobBody | undefined;
}

/** The operator's schedules (RULES_CATALOG_POLL_CRON, INTAKE_SILENCE_CHECK_CRON, CATCH_UP_CRON), node-cron syntax. */
export interface JobSchedules {
  rulesCatalogPoll: string;
  intakeSilenceCheck: string;
  catchUp: string;
}

export const DEFAULT_SCHEDULES: Readonly<JobSchedules> = {
  rulesCatalogPoll: '*/15 * * * *',
  // One search job per watched intake, a second apart: a few hundred intakes fit in the period.
  intakeSilenceCheck: '*/5 * * * *',
  // A lost WebHook shows within 5 minutes; a quiet run is one listing request.
  catchUp: '*/5 * * * *',
};

/**
 * A lease no longer than the period and a hold under half of it, so that a job scheduled every few
 * seconds is not skipped by its own previous tick. Leases are renewed while a run goes on, so a short
 * one only shortens how long a crashed replica blocks the others. An invalid expression is left to
 * the scheduler's check, which names it.
 */
function fitToPeriod(job: ScheduledJob): ScheduledJob {
  const gap = shortestCronGapMs(job.cron);
  if (gap === undefined) return job;
  return {
    ...job,
    leaseMs: Math.min(job.leaseMs, gap),
    holdMs: Math.min(job.holdMs ?? DEFAULT_HOLD_MS, Math.floor(gap / 2)),
  };
}

/** Every scheduled job of the bot: its name, when it runs and how long its lease lasts. */
export function defineScheduledJobs(
  bodies: ScheduledJobBodies,
  schedules: Readonly<JobSchedules> = DEFAULT_SCHEDULES,
): ScheduledJob[] {
  const table: Array<Omit<ScheduledJob, 'run'> & { run: JobBody | undefined }> = [
    // Every replica prunes: with a Redis or PostgreSQL store each one keeps its own local queue.
    {
      name: 'dedupe-prune',
      cron: '0 * * * *',
      scope: 'replica',
      leaseMs: 10 * MINUTE,
      run: bodies.pruneDedupe,
    },
    {
      name: 'rules-catalog-poll',
      cron: schedules.rulesCatalogPoll,
      leaseMs: 10 * MINUTE,
      run: bodies.pollRulesCatalog,
    },
    {
      name: 'intake-silence-check',
      cron: schedules.intakeSilenceCheck,
      leaseMs: 4 * MINUTE,
      run: bodies.checkIntakeSilence,
    },
    {
      name: 'catch-up',
      cron: schedules.catchUp,
      leaseMs: 4 * MINUTE,
      run: bodies.catchUp,
    },
  ];
  return table.flatMap(({ run, ...job }) => (run ? [fitToPeriod({ ...job, run })] : []));
}
