import type { NewJob } from './job-queue.ts';

/**
 * One operation on the embedded queue, as plain data: the same requests are run in-process or sent
 * to the queue's thread. Times come from the caller's clock, so tests keep control of time.
 */
export type QueueRequest =
  | { op: 'enqueue'; job: NewJob; now: number }
  | { op: 'claim'; limit: number; leaseMs: number; now: number }
  | { op: 'complete'; jobId: string }
  | { op: 'extendLease'; jobId: string; leaseMs: number; now: number }
  | { op: 'retry'; jobId: string; runAt: number; error: string; waitingFor?: string | undefined }
  | { op: 'wake'; waitingFor: string; now: number }
  | { op: 'bury'; jobId: string; error: string }
  | { op: 'nextDueAt' }
  | { op: 'stats'; now: number }
  | { op: 'statsByKind'; now: number }
  | { op: 'deadLetters'; limit: number }
  | { op: 'retryDead'; jobId: string; now: number }
  | { op: 'retryAllDead'; now: number }
  | { op: 'dropDead'; jobId: string }
  | { op: 'pruneDedupe'; beforeMs: number }
  | { op: 'ping' };

export type SendQueueRequest = (request: QueueRequest) => Promise<unknown>;
