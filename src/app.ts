import type { AddressInfo } from 'node:net';
import type { App, AppOptions } from './app-options.ts';
import { systemClock } from './clock.ts';
import { composeActions } from './compose/compose-actions.ts';
import { composeChannelPanels } from './compose/compose-channels.ts';
import { composeDelivery } from './compose/compose-delivery.ts';
import { composeHttp } from './compose/compose-http.ts';
import { composePlatforms } from './compose/compose-platforms.ts';
import { composeScheduler } from './compose/compose-scheduler.ts';
import { composeSekoia } from './compose/compose-sekoia.ts';
import { composeStatus } from './compose/compose-status.ts';
import { composeStores } from './compose/compose-stores.ts';
import { composeQueueing, composeWorker } from './compose/compose-worker.ts';
import { createMetrics } from './metrics/create-metrics.ts';
import { createRecoveryNotifier } from './queue/create-recovery-notifier.ts';

export type { App, AppOptions } from './app-options.ts';
export { BODY_BUDGET_BYTES } from './compose/compose-http.ts';
export { CARD_JOB_MAX_ATTEMPTS } from './compose/compose-jobs.ts';
export { DEDUPE_RETENTION_MS } from './compose/compose-scheduler.ts';
export { RULE_REFRESH_MS } from './compose/compose-stores.ts';

/** The composition root: builds the parts in src/compose/ in order and wires them, no logic of its own. */
export async function createApp(options: AppOptions): Promise<App> {
  const { config, log } = options;
  const clock = options.clock ?? systemClock;
  const stores = await composeStores(options, clock);
  const { store, secrets, queue, rules, access } = stores;
  const metrics = createMetrics({
    queueStats: () => queue.stats(),
    queueStatsByKind: () => queue.statsByKind(),
    defaultMetrics: options.defaultMetrics ?? true,
  });
  const pause =
    options.pause ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref()));
  // Jobs waiting out an outage of Sekoia.io or a chat platform run again at its first success.
  const recovery = createRecoveryNotifier();
  const sekoiaSide = composeSekoia({ config, retry: options.sekoiaRetry, pause, clock, log, recovery });
  const { sekoia, preview } = sekoiaSide;
  // What every later part may read; the two ways into the queue are passed by name.
  const built = { ...stores, ...sekoiaSide, config, log, clock, pause, metrics };
  const queueing = composeQueueing(queue);
  const { signer, actions, identities } = composeActions(options, { ...built, queueing });
  const scheduler = composeScheduler({ ...built, enqueue: queueing.enqueueAndWake });
  const status = composeStatus({ ...built, scheduler });
  const panels = composeChannelPanels({ ...built, enqueue: queueing.enqueueAndWake });
  const random = options.random ?? Math.random;
  const services = { rules, clock, random, status, ...panels, access, identities, preview };
  const { commandDeadlineMs } = options;
  const platforms = composePlatforms({ ...built, signer, actions, services, commandDeadlineMs, recovery });
  const jobs = composeDelivery(options, { ...built, queueing, status, sinks: platforms.sinks });
  const worker = composeWorker(options, { ...built, jobs, queueing, recovery });
  const server = composeHttp(options, { ...built, status, worker, platformRoutes: platforms.routes });
  let stopping: Promise<void> | undefined;
  const listen = (port = config.PORT, host?: string) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        worker.start();
        scheduler.start();
        resolve((server.address() as AddressInfo).port);
      });
    });
  const stop = () => {
    stopping ??= (async () => {
      await scheduler.stop();
      rules.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await worker.stop();
      await queue.close();
      await store.close();
    })();
    return stopping;
  };
  return { secrets, server, queue, worker, metrics, sekoia, rules, scheduler, status, listen, stop };
}
