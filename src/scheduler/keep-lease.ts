import type { Clock } from '../clock.ts';
import { BotError } from '../errors.ts';
import type { Logger } from '../log.ts';
import { errorCodeOf } from './error-code-of.ts';
import type { LeaseStore } from './lease-store.ts';

/** Calls `tick` every `ms` until the returned function is called; tests pass one they fire by hand. */
export type Every = (ms: number, tick: () => Promise<void>) => () => void;

export const realEvery: Every = (ms, tick) => {
  const timer = setInterval(() => void tick(), ms);
  timer.unref();
  return () => clearInterval(timer);
};

export interface KeepLeaseOptions {
  leases: LeaseStore;
  name: string;
  owner: string;
  ttlMs: number;
  clock: Clock;
  every: Every;
  log: Logger;
}

export interface HeldLease {
  /** Aborted when a renewal finds that another owner took the lease. */
  readonly lost: AbortSignal;
  /** Stops renewing, then keeps the lease until `holdUntil` or frees it now. Never rejects. */
  letGo(holdUntil: number): Promise<void>;
}

/** Renews a lease just taken every third of its time to live, so that a long run keeps it. */
export function keepLease(options: KeepLeaseOptions): HeldLease {
  const { leases, name, owner, ttlMs, clock, log } = options;
  const lost = new AbortController();
  let pending: Promise<void> | undefined;
  const renew = async () => {
    try {
      if (await leases.acquire(name, owner, ttlMs)) return;
      log.warn('lost the lease while running: another replica may run this job now');
      lost.abort(new BotError('job_failed', { message: 'lease lost', details: { job: name } }));
    } catch (error) {
      log.warn({ err: error, code: errorCodeOf(error) }, 'could not renew the lease');
    }
  };
  const stopRenewing = options.every(Math.max(1, Math.floor(ttlMs / 3)), () => {
    if (!lost.signal.aborted) {
      pending ??= renew().finally(() => {
        pending = undefined;
      });
    }
    return pending ?? Promise.resolve();
  });
  return {
    lost: lost.signal,
    async letGo(holdUntil) {
      stopRenewing();
      // A renewal landing after the release would take the lease again for a whole ttl.
      await pending;
      if (lost.signal.aborted) return;
      const remaining = holdUntil - clock.now();
      try {
        if (remaining > 0) await leases.acquire(name, owner, remaining);
        else await leases.release(name, owner);
      } catch (error) {
        log.warn(
          { err: error, code: errorCodeOf(error) },
          'could not release the lease; it expires by itself',
        );
      }
    },
  };
}
