/**
 * Entry point of the queue's own thread: every SQLite write of the queue (and its fsync) happens
 * here, so that the event loop that answers WebHooks never waits for the disk. Raw request bodies
 * are parsed and checked here too (`enqueueRaw`), off that event loop.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isBotError, messageOf } from '../errors.ts';
import { openSqlite } from '../sqlite/open-sqlite.ts';
import { createQueueExecutor } from './create-queue-executor.ts';
import type { EnqueueResult, NewJob } from './job-queue.ts';
import { type AdmitRaw, admitAndEnqueue } from './raw-job.ts';
import { isProcessAlive, releaseAbandonedLeases } from './release-abandoned-leases.ts';
import { createSqliteQueueCore } from './sqlite-queue-core.ts';
import type {
  ThreadMessage,
  ThreadOutcome,
  ThreadReply,
  ThreadRequest,
  ThreadStart,
} from './thread-protocol.ts';

const port = parentPort;
if (!port) throw new Error('sqlite-queue-thread.ts must run as a worker thread');
const start = workerData as ThreadStart;

const admit = start.admission
  ? ((await import(start.admission.url)) as Record<string, AdmitRaw>)[start.admission.exportName]
  : undefined;
if (start.admission && typeof admit !== 'function') throw new Error('the admission function was not found');
const db = openSqlite(start.path);
const core = createSqliteQueueCore(db, start.ownerPid);
releaseAbandonedLeases(db, start.now, start.ownerPid, isProcessAlive);
const executor = createQueueExecutor(core);
const post = (reply: ThreadReply) => port.postMessage(reply);

function run(request: ThreadRequest): Promise<unknown> {
  if (request.op !== 'enqueueRaw') return executor.submit(request);
  if (!admit) return Promise.reject(new Error('this queue was opened without an admission function'));
  const enqueue = (job: NewJob) =>
    executor.submit({ op: 'enqueue', job, now: request.now }) as Promise<EnqueueResult>;
  return admitAndEnqueue(admit, enqueue, request.bytes, request.context);
}

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
    run(request).then(
      (result): ThreadOutcome => ({ id, ok: true, result }),
      (error: unknown): ThreadOutcome => ({
        id,
        ok: false,
        code: isBotError(error) ? error.code : 'store_unavailable',
        message: messageOf(error),
      }),
    ),
  );
  void Promise.all(outcomes).then((items) => post({ type: 'results', items }));
});
post({ type: 'ready' });
