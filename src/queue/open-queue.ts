import type { Clock } from '../clock.ts';
import type { Logger } from '../log.ts';
import { openSqlite, SQLITE_MEMORY } from '../sqlite/open-sqlite.ts';
import { createSqliteQueue } from './create-sqlite-queue.ts';
import { createThreadedSqliteQueue } from './create-threaded-sqlite-queue.ts';
import type { JobQueue } from './job-queue.ts';

/** The queue in its own thread for a database file; on the calling thread for an in-memory one. */
export function openQueue(
  path: string,
  clock: Clock,
  log: Logger,
  onFatal?: (error: Error) => void,
): Promise<JobQueue> {
  if (path === SQLITE_MEMORY)
    return Promise.resolve(createSqliteQueue({ db: openSqlite(path), clock, ownsDb: true }));
  return createThreadedSqliteQueue({ path, clock, log, ...(onFatal ? { onFatal } : {}) });
}
