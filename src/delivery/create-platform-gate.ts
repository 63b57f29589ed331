import { AsyncLocalStorage } from 'node:async_hooks';
import type { Clock } from '../clock.ts';
import type { CardLane } from './card-lane.ts';
import { createLaneQueue, type Waiter } from './create-lane-queue.ts';
import type { RateLimiter } from './rate-limiter.ts';

/** What an answer of the platform said of its limit (headers, status). */
export interface LimitAnswer {
  status: number;
  /** The answer carried rate-limit headers (Mattermost: its limiter is on). */
  limited?: boolean;
  /** Requests left (X-RateLimit-Remaining). */
  remaining?: number | undefined;
  /** Until the bucket is full again (X-RateLimit-Reset, relative seconds). */
  resetMs?: number | undefined;
  retryAfterMs?: number | undefined;
}

export interface PlatformGateOptions {
  clock: Clock;
  /** Every request to the platform (Mattermost: the token's limit; Teams: the app's). */
  platform: RateLimiter;
  /** A limiter per scope (Teams: per conversation, reference teams.md §6.1). */
  scopeLimiter?: (scope: string) => RateLimiter;
  /** Who a 429 stops: every request (one Mattermost token) or those of its scope (a Teams conversation). */
  refusalStops: 'platform' | 'scope';
  /**
   * `while-headers`: the platform limiter applies until an answer without rate-limit headers shows
   * the platform has none (Mattermost's is off by default), and again from the next one with them or
   * a 429. `never`: only 429s pause (the operator turned pacing off). Default `always`.
   */
  pacing?: 'always' | 'while-headers' | 'never';
  /** A refused request is sent again this many times in the gate before its call fails (default 3). */
  maxRefusals?: number;
  /** Pause after a 429 that says for how long neither by Retry-After nor by Reset (default 1 s). */
  defaultPauseMs?: number;
  /** Timers (tests drive them with the clock). */
  setTimer?: (run: () => void, ms: number) => () => void;
}

/** The call a request belongs to: its lane and channel, how far it got. */
interface CallContext {
  lane: CardLane;
  channel: string;
  requests: number;
  refusals: number;
}

/**
 * One chat platform's requests, paced and ordered. A card call runs inside `run` with its lane and
 * channel; the platform's client asks `beforeRequest` before each request and reports each answer to
 * `afterAnswer`. Requests go at the configured rate, refined by the platform's headers; the next
 * request of a call already started goes first, then clicks, first cards and updates, channels taking
 * turns within a lane. A 429 pauses everyone it concerns until its Retry-After, and the refused
 * request is sent again from the gate: the budget is used again as soon as the platform allows.
 */
export interface PlatformGate {
  run<T>(ticket: { lane: CardLane; channel: string }, call: () => Promise<T>): Promise<T>;
  beforeRequest(scope?: string): Promise<void>;
  /** True when the refused request should be sent again (after `beforeRequest`). */
  afterAnswer(answer: LimitAnswer, scope?: string): boolean;
}

export function createPlatformGate(options: PlatformGateOptions): PlatformGate {
  const { clock, platform } = options;
  const maxRefusals = options.maxRefusals ?? 3;
  const setTimer = options.setTimer ?? defaultTimer;
  const calls = new AsyncLocalStorage<CallContext>();
  const scopes = new Map<string, RateLimiter>();
  const waiting = createLaneQueue();
  let paced = options.pacing !== 'never';
  // A 429 that stops the platform holds even while unpaced (a proxy may limit without headers).
  let pausedUntil = Number.NEGATIVE_INFINITY;
  let cancelTimer: (() => void) | undefined;

  const scopeOf = (scope: string | undefined): RateLimiter | undefined => {
    if (scope === undefined || options.scopeLimiter === undefined) return undefined;
    let limiter = scopes.get(scope);
    if (limiter === undefined) {
      if (scopes.size >= 1_000) forgetIdleScopes();
      limiter = options.scopeLimiter(scope);
      scopes.set(scope, limiter);
    }
    return limiter;
  };
  const forgetIdleScopes = () => {
    const now = clock.now();
    for (const [scope, limiter] of scopes) if (limiter.isIdle(now)) scopes.delete(scope);
  };
  const platformWait = (now: number) => Math.max(pausedUntil - now, paced ? platform.waitMs(now) : 0);

  const pump = () => {
    cancelTimer?.();
    cancelTimer = undefined;
    for (;;) {
      const now = clock.now();
      const ahead = platformWait(now);
      if (ahead > 0) return schedule(ahead);
      const next = waiting.next((waiter) => scopeOf(waiter.scope)?.waitMs(now) ?? 0);
      if (next.waiter === undefined) return next.waitMs === undefined ? undefined : schedule(next.waitMs);
      if (paced) platform.take(now);
      scopeOf(next.waiter.scope)?.take(now);
      next.waiter.go();
    }
  };
  const schedule = (ms: number) => {
    cancelTimer = setTimer(pump, Math.max(1, Math.ceil(ms)));
  };

  return {
    run: (ticket, call) => calls.run({ ...ticket, requests: 0, refusals: 0 }, call),
    beforeRequest: (scope) =>
      new Promise<void>((go) => {
        const call = calls.getStore();
        // Requests outside a card call (a command's answer, a click's notice) are someone waiting.
        const waiter: Waiter = call
          ? { lane: call.requests > 0 ? 'continue' : call.lane, channel: call.channel, scope, go }
          : { lane: 'click', channel: '', scope, go };
        if (call) call.requests += 1;
        waiting.add(waiter);
        pump();
      }),
    afterAnswer: (answer, scope) => {
      const now = clock.now();
      if (answer.limited !== undefined && answer.status !== 429 && options.pacing === 'while-headers')
        paced = answer.limited;
      if (answer.remaining !== undefined) platform.refine?.(answer.remaining, now);
      if (answer.status !== 429) return false;
      if (options.pacing === 'while-headers') paced = true;
      const pauseMs = answer.retryAfterMs ?? answer.resetMs ?? options.defaultPauseMs ?? 1_000;
      const stopped = options.refusalStops === 'scope' ? scopeOf(scope) : undefined;
      if (stopped) stopped.pauseUntil(now + pauseMs);
      else {
        pausedUntil = Math.max(pausedUntil, now + pauseMs);
        platform.pauseUntil(now + pauseMs);
      }
      const call = calls.getStore();
      if (call === undefined || call.refusals >= maxRefusals) return false;
      call.refusals += 1;
      return true;
    },
  };
}

function defaultTimer(run: () => void, ms: number): () => void {
  const timer = setTimeout(run, ms);
  timer.unref?.();
  return () => clearTimeout(timer);
}
