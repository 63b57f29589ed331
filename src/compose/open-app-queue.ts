import type { AppOptions } from '../app-options.ts';
import type { Clock } from '../clock.ts';
import { createPostgresQueue } from '../queue/create-postgres-queue.ts';
import type { JobQueue } from '../queue/job-queue.ts';
import { openQueue } from '../queue/open-queue.ts';
import type { Store } from '../storage/create-store.ts';

/**
 * The durable work queue for the store: on PostgreSQL, in the same database, shared by every replica
 * (`create-postgres-queue.ts`); on SQLite, in the store's own file; on Redis, in a local SQLite file
 * (QUEUE_PATH) until the queue on Redis lands.
 */
export async function openAppQueue(options: AppOptions, store: Store, clock: Clock): Promise<JobQueue> {
  const { config, log } = options;
  if (store.kind === 'postgres') {
    return createPostgresQueue({
      url: config.STORE_URL,
      clock,
      onError: (error) => log.warn({ err: error }, 'a queue connection to PostgreSQL failed'),
    });
  }
  return openQueue(store.sqlitePath ?? config.QUEUE_PATH, clock, log, options.onFatal);
}
