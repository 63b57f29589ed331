import type { Clock } from '../clock.ts';
import { BotError } from '../errors.ts';
import type { Claimed, DeadJob, EnqueueResult, JobQueue, KindStats, QueueStats } from './job-queue.ts';
import type { SendQueueRequest } from './queue-request.ts';

/** The JobQueue port over a request channel (in-process or to the queue's thread). */
export function createQueueClient(options: {
  send: SendQueueRequest;
  clock: Clock;
  close: () => Promise<void>;
}): JobQueue {
  const { clock } = options;
  let closed = false;
  const send = <T>(request: Parameters<SendQueueRequest>[0]): Promise<T> =>
    closed
      ? Promise.reject(new BotError('shutting_down', { message: 'the queue is closed' }))
      : (options.send(request) as Promise<T>);

  return {
    enqueue: (job) => send<EnqueueResult>({ op: 'enqueue', job, now: clock.now() }),
    claim: (limit, leaseMs) => send<Claimed>({ op: 'claim', limit, leaseMs, now: clock.now() }),
    complete: (jobId) => send<void>({ op: 'complete', jobId }),
    extendLease: (jobId, leaseMs) => send<void>({ op: 'extendLease', jobId, leaseMs, now: clock.now() }),
    retry: (jobId, { runAt, error, waitingFor }) =>
      send<void>({ op: 'retry', jobId, runAt, error, waitingFor }),
    wake: (waitingFor) => send<number>({ op: 'wake', waitingFor, now: clock.now() }),
    bury: (jobId, error) => send<void>({ op: 'bury', jobId, error }),
    nextDueAt: () => send<number | undefined>({ op: 'nextDueAt' }),
    stats: () => send<QueueStats>({ op: 'stats', now: clock.now() }),
    statsByKind: () => send<KindStats[]>({ op: 'statsByKind', now: clock.now() }),
    deadLetters: (limit) => send<DeadJob[]>({ op: 'deadLetters', limit }),
    retryDead: (jobId) => send<boolean>({ op: 'retryDead', jobId, now: clock.now() }),
    retryAllDead: () => send<number>({ op: 'retryAllDead', now: clock.now() }),
    dropDead: (jobId) => send<boolean>({ op: 'dropDead', jobId }),
    pruneDedupe: (beforeMs) => send<number>({ op: 'pruneDedupe', beforeMs }),
    ping: () => send<void>({ op: 'ping' }),
    close: async () => {
      if (closed) return;
      closed = true;
      await options.close();
    },
  };
}
