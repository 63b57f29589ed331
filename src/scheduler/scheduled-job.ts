import type { Logger } from '../log.ts';

export interface JobRunContext {
  /** Aborted when this replica loses the lease mid-run: another one may be running the job now. */
  readonly signal: AbortSignal;
  readonly log: Logger;
}

export type JobBody = (context: JobRunContext) => Promise<unknown>;

export interface ScheduledJob {
  /** Unique, kebab-case: it names the lease, the metric label and the status entry. */
  readonly name: string;
  /** node-cron expression: 5 fields, or 6 with seconds first; server time zone. */
  readonly cron: string;
  /**
   * 'cluster' (default): once per tick across the replicas, under a lease in the shared store.
   * 'replica': on every replica, for work on what each keeps to itself (its local queue).
   */
  readonly scope?: 'cluster' | 'replica';
  /** Lease time to live: longer than a run is expected to take. It is renewed while a run goes on. */
  readonly leaseMs: number;
  /**
   * How long after a run started the lease stays held, so that a replica whose cron fires a
   * little later does not run the same tick again. Shorter than the period. Default 30 s.
   */
  readonly holdMs?: number;
  readonly run: JobBody;
}

export type JobRunResult = 'ok' | 'error' | 'skipped-overlap' | 'skipped-lease';

/** What one tick of a job did, on one replica. */
export interface JobRunRecord {
  readonly job: string;
  readonly result: JobRunResult;
  /** The replica that ran, or skipped, the tick. */
  readonly owner: string;
  readonly startedAt: number;
  readonly endedAt: number;
  /** A BotError code ('job_failed' for any other error). */
  readonly errorCode?: string;
}
