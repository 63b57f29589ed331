import type { Server } from 'restify';
import type { AppOptions } from '../app-options.ts';
import type { Clock } from '../clock.ts';
import type { StatusTracker } from '../create-status-source.ts';
import type { Metrics } from '../metrics/create-metrics.ts';
import { CHAT_PLATFORMS } from '../platforms/platform-list.ts';
import type { Worker } from '../queue/create-worker.ts';
import { buildRoutes } from '../server/build-routes.ts';
import { createBodyBudget } from '../server/create-body-budget.ts';
import { createServer, type Route } from '../server/create-server.ts';
import type { Stores } from './compose-stores.ts';

/**
 * Bytes of request bodies held at once, all requests together (spec §8): a dozen full 1 MiB
 * bodies, or thousands of ordinary notifications; beyond it, 503 with Retry-After. Each accepted
 * 1 MiB body costs ~5 MiB of memory on its way through the queue: with this budget 200 slow 1 MiB
 * senders peak at ~300 MB resident (bench/slow-bodies.ts).
 */
export const BODY_BUDGET_BYTES = 12 * 1024 * 1024;

/** The HTTP server: the WebHook, health, readiness and metrics routes, then each chat platform's. */
export function composeHttp(
  options: AppOptions,
  deps: Stores & {
    metrics: Metrics;
    clock: Clock;
    status: StatusTracker;
    worker: Worker;
    platformRoutes: Route[];
  },
): Server {
  const { log } = options;
  const { secrets, queue, store, metrics, clock, status, worker } = deps;
  const routes = buildRoutes({
    config: options.config,
    platforms: CHAT_PLATFORMS,
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
    platformRoutes: deps.platformRoutes,
  });
  const bodyBudget = createBodyBudget({ maxBytes: options.bodyBudgetBytes ?? BODY_BUDGET_BYTES });
  return createServer({ routes, log, bodyBudget });
}
