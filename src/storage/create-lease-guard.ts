import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { createKeyedMutex } from '../create-keyed-mutex.ts';
import { BotError } from '../errors.ts';
import type { LeaseStore } from '../scheduler/lease-store.ts';

/** Runs `task` while no other task guarded by `name` runs, in this process or another. */
export type LeaseGuard = <T>(name: string, task: () => Promise<T>) => Promise<T>;

export interface CreateLeaseGuardOptions {
  leases: LeaseStore;
  /** How long a lease outlives a process that died holding it (default 5 s). */
  ttlMs?: number;
  /** How long a task waits for a lease another process holds before giving up (default 2 s). */
  waitMs?: number;
  owner?: string;
}

/**
 * For a read-modify-write that replicas may do at the same instant (keyv has no compare-and-set).
 * The tasks are a few store round trips, so a lease held elsewhere is waited for, at short
 * jittered pauses, not refused; after waitMs, store_unavailable (retryable). In this process the
 * tasks of one name queue up first: the lease is per process (its owner), not per task.
 */
export function createLeaseGuard(options: CreateLeaseGuardOptions): LeaseGuard {
  const owner = options.owner ?? randomUUID();
  const ttlMs = options.ttlMs ?? 5_000;
  const waitMs = options.waitMs ?? 2_000;
  const { leases } = options;
  const mutex = createKeyedMutex();

  const acquire = async (name: string) => {
    const since = performance.now();
    for (let pause = 2; !(await leases.acquire(name, owner, ttlMs)); pause = Math.min(pause * 2, 50)) {
      if (performance.now() - since >= waitMs) {
        throw new BotError('store_unavailable', {
          message: 'a shared record stayed locked',
          details: { name },
        });
      }
      await sleep(Math.random() * pause);
    }
  };

  return (name, task) =>
    mutex.run(name, async () => {
      await acquire(name);
      try {
        return await task();
      } finally {
        await leases.release(name, owner);
      }
    });
}
