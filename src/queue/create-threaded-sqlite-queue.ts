import { extname } from 'node:path';
import { isMarkedAsUntransferable, Worker } from 'node:worker_threads';
import type { Clock } from '../clock.ts';
import { BotError } from '../errors.ts';
import type { Logger } from '../log.ts';
import { createQueueClient } from './create-queue-client.ts';
import type { JobQueue } from './job-queue.ts';
import type { RawAdmissionModule, RawEnqueueResult } from './raw-job.ts';
import type { ThreadMessage, ThreadReply, ThreadRequest, ThreadStart } from './thread-protocol.ts';

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
  let outbox: { id: number; request: ThreadRequest }[] = [];
  let transfers = new Set<ArrayBuffer>();
  const flushOutbox = () => {
    const items = outbox;
    const transfer = [...transfers];
    outbox = [];
    transfers = new Set();
    try {
      post({ type: 'requests', items }, transfer);
    } catch (cause) {
      // Not sent (a buffer that cannot be transferred): these requests fail, later ones go on.
      const error = new BotError('store_unavailable', {
        message: 'the request could not reach the queue thread',
        cause,
      });
      for (const { id } of items) waiting.get(id)?.reject(error);
      for (const { id } of items) waiting.delete(id);
    }
  };
  const send = (request: ThreadRequest): Promise<unknown> => {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      if (outbox.push({ id, request }) === 1) setImmediate(flushOutbox);
    });
  };
  const client = createQueueClient({
    clock: options.clock,
    send,
    close: async () => {
      if (failure) return;
      await new Promise<void>((resolve) => {
        closing = resolve;
        if (outbox.length > 0) flushOutbox();
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
      const own = ownsBuffer(bytes) ? bytes : new Uint8Array(bytes);
      const sent = send({ op: 'enqueueRaw', bytes: own, context, now: options.clock.now() });
      // After `send`: a refused send (thread gone) leaves the caller's bytes as they were.
      if (!failure) transfers.add(own.buffer as ArrayBuffer);
      return sent as Promise<RawEnqueueResult>;
    },
  };
}

/**
 * Whether the view spans a buffer of its own that can be transferred without a copy: not a slice
 * of a larger one, nor Node's shared Buffer pool (marked untransferable).
 */
function ownsBuffer(bytes: Uint8Array): boolean {
  return (
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength &&
    bytes.buffer instanceof ArrayBuffer &&
    !isMarkedAsUntransferable(bytes.buffer)
  );
}
