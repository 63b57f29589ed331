import type { DatabaseSync } from 'node:sqlite';
import type { Clock } from '../clock.ts';
import { createQueueClient } from './create-queue-client.ts';
import { createQueueExecutor } from './create-queue-executor.ts';
import type { JobQueue } from './job-queue.ts';
import { isProcessAlive, releaseAbandonedLeases } from './release-abandoned-leases.ts';
import { createSqliteQueueCore } from './sqlite-queue-core.ts';

export interface SqliteQueueOptions {
  db: DatabaseSync;
  clock: Clock;
  /** Closes the database with the queue (when the queue opened it). */
  ownsDb?: boolean;
  /** Id of this process in leases (the pid: the embedded database is a local file, one host). */
  ownerPid?: number;
  /** Whether a lease owner is still running; its leases are released at start when it is not. */
  isAlive?: (pid: number) => boolean;
}

/**
 * The embedded durable queue on the calling thread. The server uses the threaded variant
 * (create-threaded-sqlite-queue.ts) so that fsyncs never block the event loop; this one serves
 * in-memory stores and tests that drive time by hand.
 */
export function createSqliteQueue(options: SqliteQueueOptions): JobQueue {
  const ownerPid = options.ownerPid ?? process.pid;
  const core = createSqliteQueueCore(options.db, ownerPid);
  releaseAbandonedLeases(options.db, options.clock.now(), ownerPid, options.isAlive ?? isProcessAlive);
  const executor = createQueueExecutor(core);
  return createQueueClient({
    send: (request) => executor.submit(request),
    clock: options.clock,
    close: async () => {
      executor.flushNow();
      if (options.ownsDb) options.db.close();
    },
  });
}
