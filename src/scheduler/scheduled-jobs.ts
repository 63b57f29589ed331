import type { JobBody, ScheduledJob } from './scheduled-job.ts';

const MINUTE = 60_000;

/** What the jobs do; each lives with its feature, and a job whose body is absent is not scheduled. */
export interface ScheduledJobBodies {
  /** Forgets WebHook dedupe keys older than their retention. */
  pruneDedupe: JobBody;
  /** Looks at the Sekoia.io rules catalog for rules added since the last poll. */
  pollRulesCatalog?: JobBody | undefined;
  /** Looks for intakes that went silent, or came back. */
  checkIntakeSilence?: JobBody | undefined;
}

/** Every scheduled job of the bot: its name, when it runs and how long its lease lasts. */
export function defineScheduledJobs(bodies: ScheduledJobBodies): ScheduledJob[] {
  const table: Array<Omit<ScheduledJob, 'run'> & { run: JobBody | undefined }> = [
    // Every replica prunes: with a Redis or PostgreSQL store each one keeps its own local queue.
    {
      name: 'dedupe-prune',
      cron: '0 * * * *',
      scope: 'replica',
      leaseMs: 10 * MINUTE,
      run: bodies.pruneDedupe,
    },
    { name: 'rules-catalog-poll', cron: '*/15 * * * *', leaseMs: 10 * MINUTE, run: bodies.pollRulesCatalog },
    {
      name: 'intake-silence-check',
      // One search job per watched intake, a second apart: a few hundred intakes fit in the period.
      cron: '*/5 * * * *',
      leaseMs: 4 * MINUTE,
      run: bodies.checkIntakeSilence,
    },
  ];
  return table.flatMap(({ run, ...job }) => (run ? [{ ...job, run }] : []));
}
