import { Job as BullJob, ErrorCode, type Queue } from 'bullmq';
import type { JobQueue } from '../queue/job-queue.ts';

/**
 * The dead letters of the BullMQ queue: a buried job is a failed one, kept because the queue is made
 * with `removeOnFail: false`. Retrying puts it back to waiting with its attempt counters at zero;
 * dropping removes it, and its waiting-for entry with it.
 */
export function createBullmqDeadLetters(deps: {
  queue: Queue;
  /** Throws the store's unavailability before any command (the queue's own guard). */
  guard: () => Promise<void>;
  forgetWaitingFor: (jobId: string) => Promise<void>;
}): Pick<JobQueue, 'retryDead' | 'retryAllDead' | 'dropDead'> {
  const { queue, guard } = deps;

  const failedJob = async (jobId: string): Promise<BullJob | undefined> => {
    const job = (await BullJob.fromId(queue, jobId)) as BullJob | undefined;
    return job && (await job.isFailed()) ? job : undefined;
  };

  /** Back to waiting with its counters at zero; false when it is no longer a failed job. */
  const reviveFailed = async (job: BullJob | undefined): Promise<boolean> => {
    if (!job) return false;
    try {
      await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
      return true;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === ErrorCode.JobNotExist || code === ErrorCode.JobNotInState) return false;
      throw error;
    }
  };

  return {
    retryDead: async (jobId) => {
      await guard();
      return reviveFailed(await failedJob(jobId));
    },

    retryAllDead: async () => {
      await guard();
      let revived = 0;
      // Page by page from the start: each retried job leaves the failed set.
      for (;;) {
        const jobs = (await queue.getFailed(0, 99)) as BullJob[];
        if (jobs.length === 0) return revived;
        const outcomes = await Promise.all(jobs.map(reviveFailed));
        const count = outcomes.filter(Boolean).length;
        revived += count;
        if (count === 0) return revived;
      }
    },

    dropDead: async (jobId) => {
      await guard();
      const job = await failedJob(jobId);
      if (!job) return false;
      await job.remove();
      await deps.forgetWaitingFor(jobId);
      return true;
    },
  };
}
