/**
 * One rate limit as the bot keeps it on its side, in the time of the injected clock. The gate asks
 * it before each request to a chat platform and tells it of each request sent.
 */
export interface RateLimiter {
  /** How long until one more request may go (0: now). */
  waitMs(now: number): number;
  /** Counts a request sent at `now`. */
  take(now: number): void;
  /** No request before `at` (a 429 asked for it); then at the limit again, without a new burst. */
  pauseUntil(at: number): void;
  /** The platform said how many requests it has left (a header): never count on more. */
  refine?(remaining: number, now: number): void;
  /** Holds nothing that still matters at `now` (the gate may forget a per-conversation limiter). */
  isIdle(now: number): boolean;
}
