import { setTimeout as delay } from 'node:timers/promises';
import PQueue from 'p-queue';
import type { Clock } from '../clock.ts';
import type { Logger } from '../log.ts';

/**
 * Sekoia.io's WAF guidance (reference §11, S18 `docs/xdr/FAQ.md`): "Do not exceed 5 requests per
 * second" and "Pause scripts if the return code is 4XX or 5XX for 2 requests within a 10-second period".
 */
export const SEKOIA_REQUESTS_PER_SECOND = 5;

/** A person waiting on a card button is served before enrichment and watchers. */
export type SekoiaPriority = 'interactive' | 'background';

const PRIORITY_RANK: Readonly<Record<SekoiaPriority, number>> = { interactive: 1, background: 0 };

export interface SekoiaPaceOptions {
  /** Requests started in any sliding window of `intervalMs` (default 5, per second). */
  requestsPerSecond?: number;
  intervalMs?: number;
  /** Error answers within `errorWindowMs` (default 2 in 10 s) that pause every request. */
  errorsBeforePause?: number;
  errorWindowMs?: number;
  /** Pause without a Retry-After (default 5 s); a Retry-After is honoured up to `maxPauseMs` (30 s). */
  pauseMs?: number;
  maxPauseMs?: number;
  /** Waits out a pause; injected by tests. */
  sleep?: (ms: number) => Promise<void>;
}

export interface AnswerNote {
  /** HTTP status, absent when no answer came (network error, timeout). */
  status: number | undefined;
  retryAfterMs?: number | undefined;
}

export interface SekoiaPacer {
  /** Runs one HTTP exchange once the pace allows it; `note` reads its answer for the error pause. */
  run<T>(priority: SekoiaPriority, exchange: () => Promise<T>, note: (result: T) => AnswerNote): Promise<T>;
}

/**
 * Whether an answer counts towards the pause. The WAF counts every 4xx and 5xx; the bot leaves out
 * 404 alone: it says something about the resource (an alert deleted since, a workflow endpoint a
 * workspace lacks), pausing would not change it, and the callers avoid repeating such requests.
 */
export function countsAsError(status: number | undefined): boolean {
  return status !== undefined && status >= 400 && status !== 404;
}

/**
 * The one limiter every Sekoia.io request goes through (p-queue: sliding window, priorities, pause).
 * A pause holds every waiting request, button clicks included: the WAF blocks the whole client.
 */
export function createSekoiaPacer(options: SekoiaPaceOptions & { clock: Clock; log: Logger }): SekoiaPacer {
  const queue = new PQueue({
    intervalCap: options.requestsPerSecond ?? SEKOIA_REQUESTS_PER_SECOND,
    interval: options.intervalMs ?? 1_000,
    strict: true,
  });
  const threshold = options.errorsBeforePause ?? 2;
  const windowMs = options.errorWindowMs ?? 10_000;
  const maxPauseMs = options.maxPauseMs ?? 30_000;
  const sleep = options.sleep ?? ((ms: number) => delay(ms, undefined, { ref: false }));
  let errors: number[] = [];
  let generation = 0;

  const pause = (note: AnswerNote) => {
    const ms = Math.min(note.retryAfterMs ?? options.pauseMs ?? 5_000, maxPauseMs);
    generation += 1;
    const mine = generation;
    queue.pause();
    options.log.warn(
      { status: note.status, errors: errors.length, windowMs, pauseMs: ms },
      'Sekoia.io answered errors repeatedly; pausing every request',
    );
    void sleep(ms).then(() => {
      // A later pause supersedes this one.
      if (mine === generation) queue.start();
    });
  };

  const observe = (note: AnswerNote) => {
    if (!countsAsError(note.status)) return;
    const now = options.clock.now();
    errors = [...errors.filter((at) => now - at < windowMs), now];
    if (errors.length >= threshold) pause(note);
  };

  return {
    run: (priority, exchange, note) =>
      queue.add(
        async () => {
          const result = await exchange();
          observe(note(result));
          return result;
        },
        { priority: PRIORITY_RANK[priority] },
      ),
  };
}
