import type { RateLimiter } from './rate-limiter.ts';

/** At most `max` requests in any `windowMs`. */
export interface WindowLimit {
  windowMs: number;
  max: number;
}

/**
 * Several sliding windows at once, as Teams documents its limits (reference teams.md §6.1: per
 * conversation 7 in 1 s, 8 in 2 s, 60 in 30 s, 1800 in an hour). It keeps the send times of the
 * longest window, oldest first: a request may go when, in every window, the `max`-th newest send
 * has left it.
 */
export function createWindowLimiter(
  limits: readonly WindowLimit[],
  options: { slackMs?: number } = {},
): RateLimiter {
  // The service counts a request when it arrives, after a latency that varies: a request counted
  // here `windowMs` after another may reach it a little sooner. Each window is kept this much longer.
  const slackMs = options.slackMs ?? 0;
  const longest = Math.max(...limits.map((limit) => limit.windowMs)) + slackMs;
  const largest = Math.max(...limits.map((limit) => limit.max));
  let sent: number[] = [];
  let pausedUntil = Number.NEGATIVE_INFINITY;

  const forget = (now: number) => {
    const keepFrom = sent.findIndex((at) => at > now - longest);
    if (keepFrom === -1) sent = [];
    else if (keepFrom > 0 || sent.length > largest)
      sent = sent.slice(Math.max(keepFrom, sent.length - largest));
  };

  return {
    waitMs: (now) => {
      let wait = Math.max(0, pausedUntil - now);
      for (const { windowMs, max } of limits) {
        const leaving = sent[sent.length - max];
        const span = windowMs + slackMs;
        if (leaving !== undefined && leaving > now - span) wait = Math.max(wait, leaving + span - now);
      }
      return wait;
    },
    take: (now) => {
      sent.push(now);
      if (sent.length > largest * 2) forget(now);
    },
    pauseUntil: (at) => {
      pausedUntil = Math.max(pausedUntil, at);
    },
    isIdle: (now) => {
      forget(now);
      return sent.length === 0 && pausedUntil <= now;
    },
  };
}
