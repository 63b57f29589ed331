import { BotError } from '../errors.ts';
import type { CronDriver } from './create-cron-driver.ts';
import type { ScheduledJob } from './scheduled-job.ts';

/** Kebab-case: the name is a lease key, a metric label and a store key. */
const JOB_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Throws config_invalid, naming the job, for the first mistake in the job table. */
export function checkJobs(jobs: readonly ScheduledJob[], cron: CronDriver): Map<string, ScheduledJob> {
  const byName = new Map<string, ScheduledJob>();
  for (const job of jobs) {
    const invalid = (what: string, details: Record<string, unknown> = {}) =>
      new BotError('config_invalid', {
        message: `scheduled job "${job.name}": ${what}`,
        details: { job: job.name, ...details },
      });
    if (!JOB_NAME.test(job.name)) throw invalid('the name must be kebab-case');
    if (byName.has(job.name)) throw invalid('the name is used twice');
    const problems = cron.problems(job.cron);
    if (problems.length > 0) {
      throw invalid(`invalid cron expression "${job.cron}": ${problems.join('; ')}`, {
        cron: job.cron,
        problems,
      });
    }
    if (!Number.isSafeInteger(job.leaseMs) || job.leaseMs <= 0)
      throw invalid('leaseMs must be a positive integer');
    if (job.holdMs !== undefined && !(Number.isSafeInteger(job.holdMs) && job.holdMs >= 0)) {
      throw invalid('holdMs must be a non-negative integer');
    }
    byName.set(job.name, job);
  }
  return byName;
}
