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
import { type RawItem, rawBatchIds, unpackRawBatch } from './raw-batch.ts';
import { type AdmitRaw, admitAndEnqueue } from './raw-job.ts';
import { isProcessAlive, releaseAbandonedLeases } from './release-abandoned-leases.ts';
import { createSqliteQueueCore } from './sqlite-queue-core.ts';
import type { ThreadMessage, ThreadOutcome, ThreadReply, ThreadStart } from './thread-protocol.ts';

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

function admitRaw({ bytes, context, now }: RawItem): Promise<unknown> {
  if (!admit) return Promise.reject(new Error('this queue was opened without an admission function'));
  const enqueue = (job: NewJob) => executor.submit({ op: 'enqueue', job, now }) as Promise<EnqueueResult>;
  return admitAndEnqueue(admit, enqueue, bytes, context);
}

/** The request's outcome as a reply item: a result, or a coded error as plain data. */
function outcomeOf(id: number, running: Promise<unknown>): Promise<ThreadOutcome> {
  return running.then(
    (result): ThreadOutcome => ({ id, ok: true, result }),
    (error: unknown): ThreadOutcome => ({
      id,
      ok: false,
      code: isBotError(error) ? error.code : 'store_unavailable',
      message: messageOf(error),
    }),
  );
}

/** The raw items of a batch; a malformed batch (a bug) fails its requests, not the thread. */
function rawOutcomes(message: Extract<ThreadMessage, { type: 'requests' }>): Promise<ThreadOutcome>[] {
  if (!message.raw) return [];
  try {
    return unpackRawBatch(message.raw).map((item) => outcomeOf(item.id, admitRaw(item)));
  } catch (error) {
    return rawBatchIds(message.raw).map((id) => outcomeOf(id, Promise.reject(error)));
  }
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
  const outcomes = [
    ...message.items.map(({ id, request }) => outcomeOf(id, executor.submit(request))),
    ...rawOutcomes(message),
  ];
  void Promise.all(outcomes).then((items) => post({ type: 'results', items }));
});
post({ type: 'ready' });
