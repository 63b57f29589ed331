/**
 * Entry point of the queue's own thread: every SQLite write of the queue (and its fsync) happens
 * here, so that the event loop that answers WebHooks never waits for the disk.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isBotError } from '../errors.ts';
import { openSqlite } from '../sqlite/open-sqlite.ts';
import { createQueueExecutor } from './create-queue-executor.ts';
import { isProcessAlive, releaseAbandonedLeases } from './release-abandoned-leases.ts';
import { createSqliteQueueCore } from './sqlite-queue-core.ts';
import type { ThreadMessage, ThreadOutcome, ThreadReply, ThreadStart } from './thread-protocol.ts';

const port = parentPort;
if (!port) throw new Error('sqlite-queue-thread.ts must run as a worker thread');
const start = workerData as ThreadStart;

const db = openSqlite(start.path);
const core = createSqliteQueueCore(db, start.ownerPid);
releaseAbandonedLeases(db, start.now, start.ownerPid, isProcessAlive);
const executor = createQueueExecutor(core);
const post = (reply: ThreadReply) => port.postMessage(reply);

port.on('message', (message: ThreadMessage) => {
  if (message.type === 'close') {
    executor.flushNow();
    // The replies of that last batch are posted from promise callbacks: let them go out first.
    setImmediate(() => {
      db.close();
      post({ type: 'closed' });
      port.close();
    });
    return;
  }
  const outcomes = message.items.map(({ id, request }) =>
    executor.submit(request).then(
      (result): ThreadOutcome => ({ id, ok: true, result }),
      (error: unknown): ThreadOutcome => ({
        id,
        ok: false,
        code: isBotError(error) ? error.code : 'store_unavailable',
        message: error instanceof Error ? error.message : String(error),
      }),
    ),
  );
  void Promise.all(outcomes).then((items) => post({ type: 'results', items }));
});
post({ type: 'ready' });
