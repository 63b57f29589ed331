/**
 * A claimed job's lease, renewed every third of it while its handler runs: a replica that dies holds
 * its jobs at most this long before another takes them (a handler slower than this keeps its job).
 * QUEUE_LEASE_SECONDS sets it.
 */
export const DEFAULT_LEASE_MS = 60_000;

/**
 * QUEUE_LEASE_SECONDS, in seconds: long enough for three heartbeats to cross a busy engine, short
 * enough that a dead replica's work is not held for more than a few minutes.
 */
export const QUEUE_LEASE_LIMITS_S = { min: 5, max: 600 } as const;
