import type { Server } from 'restify';
import type { Clock } from './clock.ts';
import type { StatusSource } from './commands/command.ts';
import type { SekoiaRetryOptions } from './compose/compose-sekoia.ts';
import type { Config } from './config/load-config.ts';
import type { Secrets } from './config/resolve-secrets.ts';
import type { DeliveryPort } from './delivery/delivery-port.ts';
import type { Logger } from './log.ts';
import type { Metrics } from './metrics/create-metrics.ts';
import type { Worker } from './queue/create-worker.ts';
import type { JobQueue } from './queue/job-queue.ts';
import type { RuleCatalog } from './rules/create-rule-catalog.ts';
import type { Scheduler } from './scheduler/create-scheduler.ts';
import type { SekoiaApi } from './sekoia/sekoia-api.ts';

export interface AppOptions {
  config: Readonly<Config>;
  log: Logger;
  clock?: Clock;
  random?: () => number;
  /** Replaces rule matching and card delivery (tests that look at notifications only). */
  delivery?: DeliveryPort;
  /** Process-wide metrics (CPU, memory); off when a test builds many apps in one process. */
  defaultMetrics?: boolean;
  worker?: {
    /** Jobs run at once (DEFAULT_WORKER_CONCURRENCY). */
    concurrency?: number;
    pollMs?: number;
    maxAttempts?: number;
    enrichAttempts?: number;
    refreshDelayMs?: number;
    backoffBaseMs?: number;
  };
  /** How the watchers wait between API calls (tests pass a quick one). */
  pause?: (ms: number) => Promise<void>;
  /** Something the process cannot go on without has failed (main.ts exits; an orchestrator restarts). */
  onFatal?: (error: Error) => void;
  /** In-process retries and the error pause of the Sekoia.io client (tests shorten them). */
  sekoiaRetry?: SekoiaRetryOptions;
  /** How long a card button waits for its action before answering (default ACTION_DEADLINE_MS). */
  actionDeadlineMs?: number;
  /** How long a Mattermost slash command may run before "Working on it…" (tests shorten it). */
  commandDeadlineMs?: number;
  /** Replaces BODY_BUDGET_BYTES (tests use a small one). */
  bodyBudgetBytes?: number;
}

export interface App {
  readonly secrets: Secrets;
  readonly server: Server;
  readonly queue: JobQueue;
  readonly worker: Worker;
  readonly metrics: Metrics;
  readonly sekoia: SekoiaApi;
  readonly rules: RuleCatalog;
  /** What the `status` command shows. */
  readonly status: StatusSource;
  readonly scheduler: Scheduler;
  /** Starts serving and processing; resolves with the port actually bound. */
  listen(port?: number, host?: string): Promise<number>;
  /** Stops accepting, finishes in-flight jobs, closes storage. Idempotent. */
  stop(): Promise<void>;
}
