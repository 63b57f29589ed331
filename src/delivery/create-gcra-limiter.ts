import type { RateLimiter } from './rate-limiter.ts';

export interface GcraLimit {
  /** Sustained requests per second. */
  perSec: number;
  /** Requests that may go at once above the rate, from a full bucket. */
  burst: number;
}

/**
 * The generic cell rate algorithm, as Mattermost's limiter runs it (the throttled library, reference
 * mattermost.md §6.7): a theoretical arrival time `tat` moves one emission interval per request; a
 * request may go while `tat` stays within `burst` intervals of now. Kept on our side with the same
 * numbers, the server never has to refuse us.
 */
export function createGcraLimiter(limit: GcraLimit): RateLimiter {
  const interval = 1_000 / limit.perSec;
  const tolerance = interval * limit.burst;
  let tat = Number.NEGATIVE_INFINITY;
  return {
    waitMs: (now) => Math.max(0, Math.max(tat, now) + interval - tolerance - now),
    take: (now) => {
      tat = Math.max(tat, now) + interval;
    },
    // The next request at `at`, the ones after at the rate: the server's bucket is empty then.
    pauseUntil: (at) => {
      tat = Math.max(tat, at + tolerance - interval);
    },
    refine: (remaining, now) => {
      tat = Math.max(tat, now + tolerance - Math.max(0, remaining) * interval);
    },
    isIdle: (now) => tat <= now,
  };
}
