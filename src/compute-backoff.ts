export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 5 * 60_000 };

/**
 * Delay before attempt `attempts + 1`: exponential with "equal jitter" (half fixed, half random) so
 * that retries of a burst spread out, and never shorter than a Retry-After the remote asked for.
 */
export function computeBackoff(
  attempts: number,
  options: { policy?: BackoffPolicy; random: () => number; retryAfterMs?: number | undefined },
): number {
  const policy = options.policy ?? DEFAULT_BACKOFF;
  const exponent = Math.max(0, attempts - 1);
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(exponent, 30));
  const jittered = ceiling / 2 + options.random() * (ceiling / 2);
  const retryAfter = options.retryAfterMs ?? 0;
  return Math.round(Math.max(jittered, retryAfter));
}
