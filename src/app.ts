import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import { createActionRunner } from './actions/create-action-runner.ts';
import { createActionSigner } from './actions/create-action-signer.ts';
import { type Clock, systemClock } from './clock.ts';
import type { StatusSource } from './commands/command.ts';
import { composeJobs } from './compose/compose-jobs.ts';
import { composePlatforms } from './compose/compose-platforms.ts';
import { composeScheduler, scheduledJobsForStatus } from './compose/compose-scheduler.ts';
import { composeSekoia, type SekoiaRetryOptions } from './compose/compose-sekoia.ts';
import type { Config } from './config/load-config.ts';
import { resolveSecrets, type Secrets } from './config/resolve-secrets.ts';
import { createStatusSource } from './create-status-source.ts';
import { createCardDispatcher } from './delivery/create-card-dispatcher.ts';
import { createCardLock } from './delivery/create-card-lock.ts';
import { createCardRefresher } from './delivery/create-card-refresher.ts';
import type { DeliveryPort } from './delivery/delivery-port.ts';
import { SEKOIA_EVENT_JOB } from './ingress/stored-event.ts';
import type { Logger } from './log.ts';
import { createMetrics, type Metrics } from './metrics/create-metrics.ts';
import { createWorker, type Worker } from './queue/create-worker.ts';
import type { JobQueue, NewJob } from './queue/job-queue.ts';
import { openQueue } from './queue/open-queue.ts';
import { createRuleCatalog, type RuleCatalog } from './rules/create-rule-catalog.ts';
import type { Scheduler } from './scheduler/create-scheduler.ts';
import type { SekoiaApi } from './sekoia/sekoia-api.ts';
import { buildRoutes } from './server/build-routes.ts';
import { createBodyBudget } from './server/create-body-budget.ts';
import { createServer } from './server/create-server.ts';
import { createKeyvCardStores } from './storage/create-keyv-card-stores.ts';
import { createKeyvRuleStore } from './storage/create-keyv-rule-store.ts';
import { createStore, type Store } from './storage/create-store.ts';
import { createIntakeSilenceOpener } from './watchers/create-intake-silence-opener.ts';
import { createIntakeSilenceLedger, INTAKE_SILENCE_NAMESPACE } from './watchers/intake-silence-ledger.ts';

export { CARD_JOB_MAX_ATTEMPTS } from './compose/compose-jobs.ts';
export { DEDUPE_RETENTION_MS } from './compose/compose-scheduler.ts';

/** How often a replica looks for rule changes made by another. */
export const RULE_REFRESH_MS = 5_000;

/**
 * Bytes of request bodies held at once, all requests together (spec §8): a dozen full 1 MiB
 * bodies, or thousands of ordinary notifications; beyond it, 503 with Retry-After. Each accepted
 * 1 MiB body costs ~5 MiB of memory on its way through the queue: with this budget 200 slow 1 MiB
 * senders peak at ~300 MB resident (bench/slow-bodies.ts).
 */
export const BODY_BUDGET_BYTES = 12 * 1024 * 1024;

/** Where the embedded queue lives when the key–value store is Redis or PostgreSQL. */
export const LOCAL_QUEUE_PATH = './data/sekoia-chatops-queue.sqlite';

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
  const pause =
    options.pause ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref()));
  const { sekoia, sources, assets, workflow } = composeSekoia({
    config,
    retry: options.sekoiaRetry,
    pause,
    clock,
    log,
  });
  let wakeWorker = () => {};
  const enqueue = (job: NewJob) => queue.enqueue(job);
  const enqueueAndWake = async (job: NewJob) => {
    const queued = await enqueue(job);
    wakeWorker();
    return queued;
  };
  const rules = createRuleCatalog({
    store: createKeyvRuleStore({ keyv: store.keyv('rules'), log }),
    clock,
    refreshMs: RULE_REFRESH_MS,
    onRefreshError: (error) => log.warn({ err: error }, 'could not refresh the rules'),
  });
  await rules.start();
  const { cards, states } = createKeyvCardStores({ keyv: store.keyv('cards'), log });
  const refreshCards = createCardRefresher({ cards, enqueue: enqueueAndWake });
  const signer = createActionSigner({ key: secrets.actionSigningKey, clock });
  const actions = createActionRunner({
    services: { sekoia, workflow, states, rules, clock, appUrl: config.SEKOIA_APP_URL, log, assets },
    refreshCards,
    ...(options.actionDeadlineMs === undefined ? {} : { deadlineMs: options.actionDeadlineMs }),
    log,
  });
  const scheduler = composeScheduler({
    config,
    queue,
    store,
    sources,
    rules,
    enqueue: enqueueAndWake,
    pause,
    clock,
    log,
    metrics,
  });
  const status = createStatusSource({
    sekoia,
    queue,
    records: store.keyv('status'),
    clock,
    log,
    jobs: () => scheduledJobsForStatus(scheduler),
  });
  const services = { rules, clock, random: options.random ?? Math.random, status };
  const platforms = composePlatforms({
    config,
    store,
    signer,
    actions,
    cards,
    states,
    services,
    clock,
    log,
    commandDeadlineMs: options.commandDeadlineMs,
  });
  const delivery =
    options.delivery ??
    createCardDispatcher({
      rules,
      cards,
      states,
      enqueue,
      clock,
      log,
      onKept: (type) => status.eventKept(type),
    });
  const cardLock = createCardLock({ leases: store.leases({ clock }) });
  const { sinks } = platforms;
  const events = {
    sekoia,
    workflow,
    reports: sources.reports,
    catalogRules: sources.catalog,
    intakeSilences: createIntakeSilenceOpener({
      rules,
      ledger: createIntakeSilenceLedger(store.keyv(INTAKE_SILENCE_NAMESPACE)),
      intakes: config.SEKOIA_API_KEY ? sources.intakes : undefined,
    }),
    delivery,
    enqueue,
    metrics,
    clock,
    appUrl: config.SEKOIA_APP_URL,
    assets,
    ...(options.worker?.enrichAttempts ? { enrichAttempts: options.worker.enrichAttempts } : {}),
    ...(options.worker?.refreshDelayMs ? { refreshDelayMs: options.worker.refreshDelayMs } : {}),
  };
  const worker = createWorker({
    queue,
    jobs: composeJobs({ events, cards: { sinks, cards, states, clock, lock: cardLock } }),
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
  wakeWorker = () => worker.wake();
  const routes = buildRoutes({
    secrets,
    queue,
    store,
    metrics,
    clock,
    log,
    onQueued: () => {
      status.webhookAccepted();
      worker.wake();
    },
    platformRoutes: platforms.routes,
  });
  const bodyBudget = createBodyBudget({ maxBytes: options.bodyBudgetBytes ?? BODY_BUDGET_BYTES });
  const server = createServer({ routes, log, bodyBudget });
  let stopping: Promise<void> | undefined;

  return {
    secrets,
    server,
    queue,
    worker,
    metrics,
    sekoia,
    rules,
    scheduler,
    status,
    listen: (port = config.PORT, host) =>
      new Promise<number>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          worker.start();
          scheduler.start();
          resolve((server.address() as AddressInfo).port);
        });
      }),
    stop: () => {
      stopping ??= (async () => {
        await scheduler.stop();
        rules.stop();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await worker.stop();
        await queue.close();
        await store.close();
      })();
      return stopping;
    },
  };
}
