import { randomUUID } from 'node:crypto';
import { BotError } from '../errors.ts';

/** What the lock needs of the store's leases (atomic on SQLite, Redis and PostgreSQL). */
export interface CardLeases {
  acquire(name: string, owner: string, ttlMs: number): Promise<boolean>;
  release(name: string, owner: string): Promise<void>;
}

export type CardLock = <T>(key: string, task: () => Promise<T>) => Promise<T>;

/**
 * One replica at a time updates a given card (spec §7: no duplicate post with several replicas).
 * A card held by another replica is not waited for: the job is retried shortly by the queue.
 */
export function createCardLock(options: { leases: CardLeases; ttlMs?: number; owner?: string }): CardLock {
  const owner = options.owner ?? randomUUID();
  const ttlMs = options.ttlMs ?? 60_000;
  return async (key, task) => {
    const name = `card:${key}`;
    if (!(await options.leases.acquire(name, owner, ttlMs))) {
      throw new BotError('delivery_failed', {
        message: 'another replica is updating this card',
        retryable: true,
        retryAfterMs: 1_000,
      });
    }
    try {
      return await task();
    } finally {
      await options.leases.release(name, owner);
    }
  };
}
