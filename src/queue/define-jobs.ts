import { BotError } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { JobHandler, JobKind } from './job-kind.ts';
import type { Job } from './job-queue.ts';
import type { JobType } from './job-type.ts';
import { type PayloadIssue, readJobPayload } from './read-job-payload.ts';

/** A job whose payload passed its schema, bound to its handler. */
export interface AcceptedJob {
  ok: true;
  run(log: Logger): Promise<void>;
}

/** A job whose payload did not pass: why, without the payload's values. */
export interface RefusedJob {
  ok: false;
  reason: string;
  issues: PayloadIssue[];
}

/** A job kind with its payload type erased: what the worker holds, one per kind. */
export interface JobTableEntry {
  readonly kind: string;
  readonly maxAttempts: number | undefined;
  /** Reads and checks the payload; the handler is reachable only through an accepted job. */
  accept(job: Job): AcceptedJob | RefusedJob;
}

/** Kind → entry: every job kind the worker runs. */
export type JobTable = ReadonlyMap<string, JobTableEntry>;

/** Binds a job type to its handler; the handler's payload type is the schema's. */
export function defineJob<P>(
  type: JobType<P>,
  options: { handle: JobHandler<NoInfer<P>>; maxAttempts?: number },
): JobTableEntry {
  const kind: JobKind<P> = { ...type, ...options };
  return {
    kind: kind.kind,
    maxAttempts: kind.maxAttempts,
    accept: (job) => {
      const reading = readJobPayload(kind, job.payload);
      if (!reading.ok) return reading;
      return { ok: true, run: (log) => kind.handle(reading.payload, job, log) };
    },
  };
}

/** The job table; a kind defined twice is a wiring mistake, refused at start. */
export function defineJobs(entries: readonly JobTableEntry[]): JobTable {
  const table = new Map<string, JobTableEntry>();
  for (const entry of entries) {
    if (table.has(entry.kind))
      throw new BotError('config_invalid', {
        message: 'job kind defined twice',
        details: { kind: entry.kind },
      });
    table.set(entry.kind, entry);
  }
  return table;
}
