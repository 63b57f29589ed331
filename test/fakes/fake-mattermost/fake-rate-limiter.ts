import type { Clock } from '../../../src/clock.ts';

/** `RateLimitSettings` as Mattermost reads them (reference mattermost.md §6.7). */
export interface RateLimitSettings {
  /** Default 10. */
  perSec?: number;
  /** Default 100. */
  maxBurst?: number;
}

/** What the limiter decided for one request, as its headers say it. */
export interface RateLimitOutcome {
  limited: boolean;
  headers: Record<string, string>;
  retryAfterSeconds: number;
}

export interface RequestStats {
  /** API requests received. */
  requests: number;
  /** API requests that reached a handler (answered, whatever the status). */
  served: number;
  /** 429s sent: by the limiter and by `rateLimitNext`. */
  rateLimited: number;
}

/**
 * Mattermost's limiter: GCRA from the throttled library, one bucket for the fake (the bot is one
 * address and one token), off until enabled, as on a default server (reference mattermost.md §6.7).
 * The tolerance is `MaxBurst + 1` emission intervals and `X-RateLimit-Limit` is `MaxBurst + 1`: a
 * full bucket lets 101 requests through at once with the defaults. `X-RateLimit-Reset` is the time
 * until the bucket is full again and `Retry-After` the time until the next request may go, both in
 * whole seconds rounded up, relative (the server's code, not its docs table).
 */
export function createFakeRateLimiter(clock: Clock) {
  let settings: Required<RateLimitSettings> | undefined;
  let tat = Number.NEGATIVE_INFINITY;
  const stats: RequestStats = { requests: 0, served: 0, rateLimited: 0 };

  const check = (): RateLimitOutcome | undefined => {
    if (settings === undefined) return undefined;
    const now = clock.now();
    const interval = 1_000 / settings.perSec;
    const tolerance = interval * (settings.maxBurst + 1);
    const newTat = Math.max(tat, now) + interval;
    const allowAt = newTat - tolerance;
    const limited = now < allowAt;
    if (!limited) tat = newTat;
    const ttl = (limited ? tat : newTat) - now;
    const next = tolerance - ttl;
    const remaining = next > -interval ? Math.max(0, Math.floor(next / interval)) : 0;
    const retryAfterSeconds = limited ? Math.ceil((allowAt - now) / 1_000) : 0;
    const headers: Record<string, string> = {
      // Go's http.Header canonicalises the names this way (reference §7).
      'X-Ratelimit-Limit': String(settings.maxBurst + 1),
      'X-Ratelimit-Remaining': String(remaining),
      'X-Ratelimit-Reset': String(Math.ceil(ttl / 1_000)),
      ...(limited ? { 'Retry-After': String(retryAfterSeconds) } : {}),
    };
    return { limited, headers, retryAfterSeconds };
  };

  return {
    check,
    stats,
    enable: (input: RateLimitSettings = {}) => {
      settings = { perSec: input.perSec ?? 10, maxBurst: input.maxBurst ?? 100 };
      tat = Number.NEGATIVE_INFINITY;
    },
    disable: () => {
      settings = undefined;
    },
  };
}

export type FakeRateLimiter = ReturnType<typeof createFakeRateLimiter>;
