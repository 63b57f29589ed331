import type { BotErrorCode } from '../errors.ts';
import type { QueueRequest } from './queue-request.ts';
import type { RawBatch } from './raw-batch.ts';
import type { RawAdmissionModule } from './raw-job.ts';

/** What the queue's thread is started with. */
export interface ThreadStart {
  path: string;
  ownerPid: number;
  now: number;
  /** The function that admits raw bytes (`enqueueRaw`); without it, raw requests are refused. */
  admission?: RawAdmissionModule;
}

/**
 * Requests and replies travel in batches, one message per event-loop turn each way: a message
 * between threads costs a wake-up, and at WebHook rates the wake-ups would dominate. The turn's raw
 * bodies to admit and enqueue (`enqueueRaw`) travel packed (raw-batch.ts), their buffer transferred.
 */
export type ThreadMessage =
  | { type: 'requests'; items: { id: number; request: QueueRequest }[]; raw?: RawBatch }
  | { type: 'close' };

export type ThreadOutcome =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; code: BotErrorCode; message: string };

export type ThreadReply =
  | { type: 'ready' }
  | { type: 'closed' }
  | { type: 'results'; items: ThreadOutcome[] };
