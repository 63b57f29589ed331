import { extname } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Clock } from '../clock.ts';
import { BotError } from '../errors.ts';
import type { Logger } from '../log.ts';
import { createQueueClient } from './create-queue-client.ts';
import type { JobQueue } from './job-queue.ts';
import type { QueueRequest } from './queue-request.ts';
import type { ThreadMessage, ThreadReply, ThreadStart } from './thread-protocol.ts';

export interface ThreadedSqliteQueueOptions {
  path: string;
  clock: Clock;
  log: Logger;
  /** The thread died: nothing can be accepted any more (the process should restart). */
  onFatal?: (error: Error) => void;
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
  const start: ThreadStart = { path: options.path, ownerPid: process.pid, now: options.clock.now() };
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

  const post = (message: ThreadMessage) => worker.postMessage(message);
  let outbox: { id: number; request: QueueRequest }[] = [];
  const flushOutbox = () => {
    const items = outbox;
    outbox = [];
    post({ type: 'requests', items });
  };
  return createQueueClient({
    clock: options.clock,
    send: (request) => {
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        if (outbox.push({ id, request }) === 1) setImmediate(flushOutbox);
      });
    },
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
}
