import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import { type Clock, systemClock } from './clock.ts';
import type { BackoffPolicy } from './compute-backoff.ts';
import type { Config } from './config/load-config.ts';
import { resolveSecrets, type Secrets } from './config/resolve-secrets.ts';
import { createEventJobHandlers } from './delivery/create-event-job-handlers.ts';
import { createLogDelivery } from './delivery/create-log-delivery.ts';
import type { DeliveryPort } from './delivery/delivery-port.ts';
import { SEKOIA_EVENT_JOB } from './ingress/stored-event.ts';
import type { Logger } from './log.ts';
import { createMetrics, type Metrics } from './metrics/create-metrics.ts';
import { createSqliteQueue } from './queue/create-sqlite-queue.ts';
import { createThreadedSqliteQueue } from './queue/create-threaded-sqlite-queue.ts';
import { createWorker, type Worker } from './queue/create-worker.ts';
import type { JobQueue } from './queue/job-queue.ts';
import { createSekoiaClient } from './sekoia/create-sekoia-client.ts';
import type { SekoiaApi } from './sekoia/sekoia-api.ts';
import { buildRoutes } from './server/build-routes.ts';
import { createServer } from './server/create-server.ts';
import { createStore, type Store } from './storage/create-store.ts';
import { openSqlite, SQLITE_MEMORY } from './storage/open-sqlite.ts';

/** How long a notification id is remembered for deduplication. */
export const DEDUPE_RETENTION_MS = 7 * 24 * 3_600_000;

/** Where the embedded queue lives when the key–value store is Redis or PostgreSQL. */
export const LOCAL_QUEUE_PATH = './data/sekoia-chatops-queue.sqlite';

export interface AppOptions {
  config: Readonly<Config>;
  log: Logger;
  clock?: Clock;
  random?: () => number;
  /** Defaults to the log delivery until a chat platform is wired. */
  delivery?: DeliveryPort;
  /** Process-wide metrics (CPU, memory); off when a test builds many apps in one process. */
  defaultMetrics?: boolean;
  worker?: {
    pollMs?: number;
    maxAttempts?: number;
    enrichAttempts?: number;
    refreshDelayMs?: number;
    backoffBaseMs?: number;
  };
  /** Something the process cannot go on without has failed (main.ts exits; an orchestrator restarts). */
  onFatal?: (error: Error) => void;
  /** In-process retries of the Sekoia.io client (tests shorten them). */
  sekoiaRetry?: { maxRetries?: number; backoff?: BackoffPolicy };
}

export interface App {
  readonly secrets: Secrets;
  readonly server: Server;
  readonly queue: JobQueue;
  readonly worker: Worker;
  readonly metrics: Metrics;
  readonly sekoia: SekoiaApi;
  /** Starts serving and processing; resolves with the port actually bound. */
  listen(port?: number, host?: string): Promise<number>;
  /** Stops accepting, finishes in-flight jobs, closes storage. Idempotent. */
  stop(): Promise<void>;
}

/** The composition root: builds every part and wires them, no logic of its own. */
export async function createApp(options: AppOptions): Promise<App> {
  const { config, log } = options;
  const clock = options.clock ?? systemClock;
  const store: Store = await createStore({ url: config.STORE_URL, log });
  const secrets = await resolveSecrets({ config, store: store.keyv('secrets') });
  const queue = await openQueue(store.sqlitePath ?? LOCAL_QUEUE_PATH, clock, log, options.onFatal);
  const metrics = createMetrics({
    queueStats: () => queue.stats(),
    defaultMetrics: options.defaultMetrics ?? true,
  });
  const sekoia = createSekoiaClient({
    baseUrl: config.SEKOIA_API_URL,
    apiKey: config.SEKOIA_API_KEY,
    log,
    ...options.sekoiaRetry,
  });
  const handlers = createEventJobHandlers({
    sekoia,
    delivery: options.delivery ?? createLogDelivery(log),
    enqueue: (job) => queue.enqueue(job),
    metrics,
    clock,
    appUrl: config.SEKOIA_APP_URL,
    ...(options.worker?.enrichAttempts ? { enrichAttempts: options.worker.enrichAttempts } : {}),
    ...(options.worker?.refreshDelayMs ? { refreshDelayMs: options.worker.refreshDelayMs } : {}),
  });
  const worker = createWorker({
    queue,
    handlers,
    clock,
    log,
    ...(options.random ? { random: options.random } : {}),
    ...(options.worker?.pollMs ? { pollMs: options.worker.pollMs } : {}),
    ...(options.worker?.maxAttempts ? { maxAttempts: options.worker.maxAttempts } : {}),
    ...(options.worker?.backoffBaseMs
      ? { backoff: { baseMs: options.worker.backoffBaseMs, capMs: 60_000 } }
      : {}),
    events: {
      onDuplicate: (duplicate) => {
        if (duplicate.kind === SEKOIA_EVENT_JOB) metrics.eventsDeduplicated.inc();
      },
      onRetry: (job) => metrics.jobRetries.inc({ kind: job.kind }),
      onDead: (job) => metrics.jobsDeadLettered.inc({ kind: job.kind }),
    },
  });
  const routes = buildRoutes({ secrets, queue, store, metrics, clock, log, onQueued: () => worker.wake() });
  const server = createServer({ routes, log });
  let stopping: Promise<void> | undefined;
  // Until the scheduler lands (node-cron, run-once leases), one local timer keeps the dedupe table small.
  const pruneTimer = setInterval(() => {
    queue.pruneDedupe(clock.now() - DEDUPE_RETENTION_MS).catch((error: unknown) => {
      log.warn({ err: error }, 'could not prune dedupe keys');
    });
  }, 3_600_000);
  pruneTimer.unref();

  return {
    secrets,
    server,
    queue,
    worker,
    metrics,
    sekoia,
    listen: (port = config.PORT, host) =>
      new Promise<number>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          worker.start();
          resolve((server.address() as AddressInfo).port);
        });
      }),
    stop: () => {
      stopping ??= (async () => {
        clearInterval(pruneTimer);
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await worker.stop();
        await queue.close();
        await store.close();
      })();
      return stopping;
    },
  };
}

/** The queue in its own thread for a database file; on the calling thread for an in-memory one. */
function openQueue(
  path: string,
  clock: Clock,
  log: Logger,
  onFatal?: (error: Error) => void,
): Promise<JobQueue> {
  if (path === SQLITE_MEMORY)
    return Promise.resolve(createSqliteQueue({ db: openSqlite(path), clock, ownsDb: true }));
  return createThreadedSqliteQueue({ path, clock, log, ...(onFatal ? { onFatal } : {}) });
}
