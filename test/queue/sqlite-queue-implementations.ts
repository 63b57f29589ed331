import type { ManualClock } from '../../src/clock.ts';
import { createLogger } from '../../src/log.ts';
import { createSqliteQueue } from '../../src/queue/create-sqlite-queue.ts';
import { createThreadedSqliteQueue } from '../../src/queue/create-threaded-sqlite-queue.ts';
import type { JobQueue } from '../../src/queue/job-queue.ts';
import { openSqlite } from '../../src/sqlite/open-sqlite.ts';

export type OpenSqliteQueue = (path: string, clock: ManualClock) => Promise<JobQueue>;

/** The embedded queue both ways it runs, for `describe.each`: the same behaviour is owed by each. */
export const SQLITE_QUEUE_IMPLEMENTATIONS: [string, OpenSqliteQueue][] = [
  [
    'on the calling thread',
    async (path, clock) => createSqliteQueue({ db: openSqlite(path), clock, ownsDb: true }),
  ],
  [
    'in its own thread',
    (path, clock) => createThreadedSqliteQueue({ path, clock, log: createLogger({ level: 'silent' }) }),
  ],
];
