import type { BotErrorCode } from '../errors.ts';
import type { QueueRequest } from './queue-request.ts';

/** What the queue's thread is started with. */
export interface ThreadStart {
  path: string;
  ownerPid: number;
  now: number;
}

/**
 * Requests and replies travel in batches, one message per event-loop turn each way: a message
 * between threads costs a wake-up, and at WebHook rates the wake-ups would dominate.
 */
export type ThreadMessage =
  | { type: 'requests'; items: { id: number; request: QueueRequest }[] }
  | { type: 'close' };

export type ThreadOutcome =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; code: BotErrorCode; message: string };

export type ThreadReply =
  | { type: 'ready' }
  | { type: 'closed' }
  | { type: 'results'; items: ThreadOutcome[] };
