import { extname } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Clock } from '../clock.ts';
import { BotError } from '../errors.ts';
import type { Logger } from '../log.ts';
import { createQueueClient } from './create-queue-client.ts';
import type { JobQueue } from './job-queue.ts';
import type { QueueRequest } from './queue-request.ts';
import { packRawBatch, type RawItem } from './raw-batch.ts';
import type { RawAdmissionModule, RawEnqueueResult } from './raw-job.ts';
import type { ThreadMessage, ThreadReply, ThreadStart } from './thread-protocol.ts';

export interface ThreadedSqliteQueueOptions {
  path: string;
  clock: Clock;
  log: Logger;
  /** The thread died: nothing can be accepted any more (the process should restart). */
  onFatal?: (error: Error) => void;
  /** Offers `enqueueRaw`: bodies are parsed and checked by this function, in the thread. */
  admission?: RawAdmissionModule;
}

interface Waiting {
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** The thread's file beside this one: `.ts` run from the sources, `.js` once built (npm run build). */
const THREAD_ENTRY = new URL(
  `./sqlite-queue-thread${extname(new URL(import.meta.url).pathname)}`,
  import.meta.url,
);

/** The embedded durable queue in its own thread (see sqlite-queue-thread.ts). */
export async function createThreadedSqliteQueue(options: ThreadedSqliteQueueOptions): Promise<JobQueue> {
  const start: ThreadStart = {
    path: options.path,
    ownerPid: process.pid,
    now: options.clock.now(),
    ...(options.admission ? { admission: options.admission } : {}),
  };
  const worker = new Worker(THREAD_ENTRY, { workerData: start });
  const waiting = new Map<number, Waiting>();
  let nextId = 0;
  let failure: BotError | undefined;
  let closing: (() => void) | undefined;
  let outbox: { id: number; request: QueueRequest }[] = [];
  let rawOutbox: RawItem[] = [];
  /**
   * One batch at a time: while the thread works on one (its fsync'd commit), what comes next waits
   * here and goes as one message when the results come back. A message per event-loop turn instead
   * would wake the busy thread several times per commit, and each wake-up costs the sender its core
   * on a machine with fewer cores than busy threads (BENCHMARKS.md, "Ingest: issue 17, second pass").
   */
  let inFlight = false;

  const fail = (cause: unknown) => {
    failure ??= new BotError('store_unavailable', { message: 'the queue thread stopped', cause });
    for (const entry of waiting.values()) entry.reject(failure);
    waiting.clear();
  };
  const ready = new Promise<void>((resolve, reject) => {
    worker.on('message', (reply: ThreadReply) => {
      if (reply.type === 'ready') return resolve();
      if (reply.type === 'closed') return closing?.();
      for (const outcome of reply.items) {
        const entry = waiting.get(outcome.id);
        waiting.delete(outcome.id);
        if (outcome.ok) entry?.resolve(outcome.result);
        else entry?.reject(new BotError(outcome.code, { message: outcome.message }));
      }
      // The thread is done with the last batch: what came meanwhile goes now.
      inFlight = false;
      if (outbox.length + rawOutbox.length > 0) flushOutbox();
    });
    worker.on('error', (error) => {
      reject(error);
      fail(error);
      options.log.fatal({ err: error }, 'queue thread failed');
      options.onFatal?.(error);
    });
    worker.on('exit', (code) => {
      fail(new Error(`queue thread exited with ${code}`));
      closing?.();
    });
  });
  await ready;

  const post = (message: ThreadMessage, transfer: ArrayBuffer[] = []) =>
    worker.postMessage(message, transfer);
  const flushOutbox = () => {
    const items = outbox;
    const rawItems = rawOutbox;
    outbox = [];
    rawOutbox = [];
    try {
      if (rawItems.length === 0) post({ type: 'requests', items });
      else {
        const raw = packRawBatch(rawItems);
        post({ type: 'requests', items, raw }, [raw.bytes]);
      }
      inFlight = true;
    } catch (cause) {
      // Not sent: these requests fail, later ones go on.
      const error = new BotError('store_unavailable', {
        message: 'the request could not reach the queue thread',
        cause,
      });
      for (const { id } of [...items, ...rawItems]) {
        waiting.get(id)?.reject(error);
        waiting.delete(id);
      }
    }
  };
  /** A promise of the reply to a new request, which `queue` puts in this turn's outbox. */
  const awaitReply = (queue: (id: number) => void): Promise<unknown> => {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      if (outbox.length + rawOutbox.length === 0 && !inFlight) setImmediate(flushOutbox);
      queue(id);
    });
  };
  const send = (request: QueueRequest) => awaitReply((id) => outbox.push({ id, request }));
  const client = createQueueClient({
    clock: options.clock,
    send,
    close: async () => {
      if (failure) return;
      await new Promise<void>((resolve) => {
        closing = resolve;
        if (outbox.length + rawOutbox.length > 0) flushOutbox();
        post({ type: 'close' });
      });
      await worker.terminate();
    },
  });
  if (!options.admission) return client;
  let closed = false;
  return {
    ...client,
    close: () => {
      closed = true;
      return client.close();
    },
    enqueueRaw: (bytes, context) => {
      // The same refusal as the client's own methods once closed.
      if (closed) return Promise.reject(new BotError('shutting_down', { message: 'the queue is closed' }));
      // Copied into the turn's batch when it is sent: the caller's bytes stay as they are.
      const raw = (id: number) => rawOutbox.push({ id, bytes, context, now: options.clock.now() });
      return awaitReply(raw) as Promise<RawEnqueueResult>;
    },
  };
}
