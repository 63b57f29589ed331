import type { AppOptions } from '../app-options.ts';
import type { Clock } from '../clock.ts';
import { WEBHOOK_ADMISSION } from '../ingress/admit-webhook-body.ts';
import type { JobQueue } from '../queue/job-queue.ts';
import { openQueue } from '../queue/open-queue.ts';
import type { Store } from '../storage/create-store.ts';

/**
 * The durable work queue for the store, shared by every replica on Redis (BullMQ,
 * `create-bullmq-queue.ts`) and PostgreSQL (`create-postgres-queue.ts`); on SQLite, in the store's own
 * file. On Redis, QUEUE_PATH asks for a local SQLite queue per replica instead. Each queue's module
 * is loaded only when chosen: BullMQ and its Redis client alone weigh ~20 MB that SQLite never uses.
 */
export async function openAppQueue(options: AppOptions, store: Store, clock: Clock): Promise<JobQueue> {
  const { config, log } = options;
  if (store.kind === 'postgres') {
    const { createPostgresQueue } = await import('../queue/create-postgres-queue.ts');
    return createPostgresQueue({
      url: config.STORE_URL,
      clock,
      onError: (error) => log.warn({ err: error }, 'a queue connection to PostgreSQL failed'),
    });
  }
  if (store.kind === 'redis' && config.QUEUE_PATH === undefined) {
    const { createBullmqQueue } = await import('../storage/create-bullmq-queue.ts');
    return createBullmqQueue({
      url: config.STORE_URL,
      defaultLeaseMs: config.QUEUE_LEASE_SECONDS * 1_000,
      // A dead replica's job goes to another within its lease and a sixth of it more (10 s by default).
      stalledCheckMs: Math.min(10_000, (config.QUEUE_LEASE_SECONDS * 1_000) / 6),
      onError: (error) => log.warn({ err: error }, 'a queue connection to Redis failed'),
    });
  }
  const path = store.sqlitePath ?? config.QUEUE_PATH;
  if (path === undefined) throw new Error('no queue for this store');
  // WebHook bodies are parsed and checked in the queue's thread; the other engines do it in the route.
  return openQueue({ path, clock, log, onFatal: options.onFatal, admission: WEBHOOK_ADMISSION });
}
