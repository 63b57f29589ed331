import type { Clock } from '../clock.ts';
import type { Config } from '../config/load-config.ts';
import type { Secrets } from '../config/resolve-secrets.ts';
import { createWebhookRoute } from '../ingress/create-webhook-route.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics/create-metrics.ts';
import type { JobQueue } from '../queue/job-queue.ts';
import { createFirstRunRoute, type PlatformSetup } from './create-first-run-route.ts';
import type { Route } from './create-server.ts';
import { createMetricsRoute, createReadyz, healthz } from './health-routes.ts';

export interface RouteDeps {
  config: Readonly<Config>;
  /** Every chat platform of the build, on or off, for the first-run page. */
  platforms: readonly PlatformSetup[];
  secrets: Secrets;
  queue: JobQueue;
  /** The store as /readyz sees it (a port: the route table does not depend on the store's kind). */
  store: { ping(): Promise<void> };
  metrics: Metrics;
  clock: Clock;
  log: Logger;
  onQueued: () => void;
  /** The enabled chat platforms' routes (Mattermost command, actions, dialogs). */
  platformRoutes?: readonly Route[];
}

/** The whole HTTP surface of spec §4, in one table. */
export function buildRoutes(deps: RouteDeps): Route[] {
  const webhook = createWebhookRoute({
    secret: deps.secrets.webhookSecret,
    queue: deps.queue,
    metrics: deps.metrics,
    clock: deps.clock,
    log: deps.log,
    onQueued: deps.onQueued,
  });
  const firstRun = createFirstRunRoute({
    config: deps.config,
    webhookSecret: deps.secrets.webhookSecret,
    platforms: deps.platforms,
  });
  const readiness = [
    { name: 'store', check: () => deps.store.ping() },
    { name: 'queue', check: () => deps.queue.ping() },
  ];
  return [
    { method: 'post', path: '/hooks/sekoia/:secret', handler: webhook, hot: true },
    { method: 'get', path: '/', handler: firstRun },
    { method: 'head', path: '/', handler: firstRun },
    { method: 'get', path: '/healthz', handler: healthz },
    { method: 'get', path: '/readyz', handler: createReadyz(readiness, deps.log) },
    { method: 'get', path: '/metrics', handler: createMetricsRoute(deps.metrics) },
    ...(deps.platformRoutes ?? []),
  ];
}
