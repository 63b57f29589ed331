import { BotError } from '../errors.ts';
import type { QueueRequest } from './queue-request.ts';
import type { SqliteQueueCore } from './sqlite-queue-core.ts';

interface Pending {
  request: QueueRequest;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Runs queue requests against the core. Requests that arrive while the previous batch is written
 * wait for the next turn, and all the enqueues of a turn share one transaction (group commit): the
 * fsync is paid once per batch, however many WebHooks arrived meanwhile.
 */
export function createQueueExecutor(core: SqliteQueueCore) {
  let pending: Pending[] = [];
  let scheduled = false;

  const flush = (): void => {
    scheduled = false;
    const batch = pending;
    pending = [];
    const enqueues = batch.filter((p) => p.request.op === 'enqueue');
    if (enqueues.length > 0) {
      try {
        const jobs = enqueues.map((p) => p.request as Extract<QueueRequest, { op: 'enqueue' }>);
        const results = core.enqueueBatch(jobs);
        for (const [index, item] of enqueues.entries()) item.resolve(results[index]);
      } catch (cause) {
        for (const item of enqueues) item.reject(storeError(cause));
      }
    }
    for (const item of batch) {
      if (item.request.op === 'enqueue') continue;
      try {
        item.resolve(run(core, item.request));
      } catch (cause) {
        item.reject(storeError(cause));
      }
    }
  };

  return {
    submit(request: QueueRequest): Promise<unknown> {
      return new Promise((resolve, reject) => {
        pending.push({ request, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
    /** Runs whatever waits now (before closing). */
    flushNow: flush,
  };
}

function run(core: SqliteQueueCore, request: Exclude<QueueRequest, { op: 'enqueue' }>): unknown {
  switch (request.op) {
    case 'claim':
      return core.claim(request.limit, request.leaseMs, request.now);
    case 'complete':
      return core.complete(request.jobId);
    case 'extendLease':
      return core.extendLease(request.jobId, request.now + request.leaseMs);
    case 'retry':
      return core.retry(request.jobId, request.runAt, request.error, request.waitingFor);
    case 'wake':
      return core.wake(request.waitingFor, request.now);
    case 'bury':
      return core.bury(request.jobId, request.error);
    case 'nextDueAt':
      return core.nextDueAt();
    case 'stats':
      return core.stats(request.now);
    case 'statsByKind':
      return core.statsByKind(request.now);
    case 'deadLetters':
      return core.deadLetters(request.limit);
    case 'retryDead':
      return core.retryDead(request.jobId, request.now);
    case 'retryAllDead':
      return core.retryAllDead(request.now);
    case 'dropDead':
      return core.dropDead(request.jobId);
    case 'pruneDedupe':
      return core.pruneDedupe(request.beforeMs);
    case 'ping':
      return core.ping();
  }
}

function storeError(cause: unknown): BotError {
  return new BotError('store_unavailable', { message: 'the queue could not be written', cause });
}
