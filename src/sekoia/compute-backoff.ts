export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, capMs: 10_000 };

/**
 * Exponential backoff with "equal jitter": half the ceiling is guaranteed, the other half random, so
 * replicas hitting the same outage spread out without ever retrying immediately.
 * `attempt` is the number of the attempt that just failed, from 1.
 */
export function computeBackoffMs(attempt: number, random: () => number, policy = DEFAULT_BACKOFF): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
