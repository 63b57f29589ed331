import type { Clock } from '../clock.ts';
import type { Logger } from '../log.ts';
import { openSqlite, SQLITE_MEMORY } from '../sqlite/open-sqlite.ts';
import { createSqliteQueue } from './create-sqlite-queue.ts';
import { createThreadedSqliteQueue } from './create-threaded-sqlite-queue.ts';
import type { JobQueue } from './job-queue.ts';
import type { RawAdmissionModule } from './raw-job.ts';

export interface OpenQueueOptions {
  path: string;
  clock: Clock;
  log: Logger;
  onFatal?: ((error: Error) => void) | undefined;
  /** Raw bodies admitted in the queue's thread (`enqueueRaw`); a file database only. */
  admission?: RawAdmissionModule | undefined;
}

/** The queue in its own thread for a database file; on the calling thread for an in-memory one. */
export function openQueue(options: OpenQueueOptions): Promise<JobQueue> {
  const { path, clock, log, onFatal, admission } = options;
  if (path === SQLITE_MEMORY)
    return Promise.resolve(createSqliteQueue({ db: openSqlite(path), clock, ownsDb: true }));
  return createThreadedSqliteQueue({
    path,
    clock,
    log,
    ...(onFatal ? { onFatal } : {}),
    ...(admission ? { admission } : {}),
  });
}
