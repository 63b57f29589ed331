/**
 * Run-once leases shared by the replicas: whoever holds a job's lease runs its tick, the others
 * skip it. Implementations decide atomically, and take time from an injected clock, so replicas
 * are assumed to agree on the time to well within a lease's time to live.
 */
export interface LeaseStore {
  /**
   * Takes, or renews, the lease `name` for `owner` until `ttlMs` from now. True when `owner` now
   * holds it: it was free, expired, or already its own (then its expiry moves, also earlier).
   */
  acquire(name: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Frees the lease if `owner` still holds it; a lease taken over by another is left alone. */
  release(name: string, owner: string): Promise<void>;
}
