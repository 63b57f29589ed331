import { z } from 'zod';
import type { RunRecords } from './run-records.ts';
import type { JobRunRecord, ScheduledJob } from './scheduled-job.ts';

/** A job as `status` shows it; shared by the replicas through the store. */
export interface JobStatus {
  readonly job: string;
  readonly cron: string;
  /** The last tick that ran (ok or error), whichever replica ran it. */
  readonly lastRun: JobRunRecord | null;
  /** The last tick skipped (overlap, or lease held elsewhere): kept apart so it never hides a run. */
  readonly lastSkip: JobRunRecord | null;
  readonly lastSuccessAt: number | null;
}

const RECORD = z.object({
  job: z.string(),
  result: z.enum(['ok', 'error', 'skipped-overlap', 'skipped-lease']),
  owner: z.string(),
  startedAt: z.number(),
  endedAt: z.number(),
  errorCode: z.string().optional(),
});

// One key per kind, never read-modify-write: replicas write them concurrently.
const runKey = (job: string) => `${job}:last-run`;
const skipKey = (job: string) => `${job}:last-skip`;
const successKey = (job: string) => `${job}:last-success`;

export async function writeJobRecord(records: RunRecords, record: JobRunRecord): Promise<void> {
  const ran = record.result === 'ok' || record.result === 'error';
  await Promise.all([
    records.set(ran ? runKey(record.job) : skipKey(record.job), record),
    record.result === 'ok' ? records.set(successKey(record.job), record.endedAt) : undefined,
  ]);
}

/** What every job last did, read from the 'scheduler' namespace of the store. */
export async function readSchedulerStatus(options: {
  records: RunRecords;
  jobs: ReadonlyArray<Pick<ScheduledJob, 'name' | 'cron'>>;
}): Promise<JobStatus[]> {
  return Promise.all(
    options.jobs.map(async ({ name, cron }) => {
      const [run, skip, success] = await Promise.all([
        options.records.get(runKey(name)),
        options.records.get(skipKey(name)),
        options.records.get(successKey(name)),
      ]);
      return {
        job: name,
        cron,
        lastRun: parseRecord(run),
        lastSkip: parseRecord(skip),
        lastSuccessAt: typeof success === 'number' ? success : null,
      };
    }),
  );
}

/** A value that is not a record (written by another version, say) reads as no record. */
function parseRecord(value: unknown): JobRunRecord | null {
  const parsed = RECORD.safeParse(value);
  if (!parsed.success) return null;
  const { errorCode, ...record } = parsed.data;
  return errorCode === undefined ? record : { ...record, errorCode };
}
