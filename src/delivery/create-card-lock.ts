import { randomUUID } from 'node:crypto';
import { BotError } from '../errors.ts';

/** What the lock needs of the store's leases (atomic on SQLite, Redis and PostgreSQL). */
export interface CardLeases {
  /** Takes the lease, or renews it when `owner` already holds it (the store's contract). */
  acquire(name: string, owner: string, ttlMs: number): Promise<boolean>;
  release(name: string, owner: string): Promise<void>;
}

export type CardLock = <T>(key: string, task: () => Promise<T>) => Promise<T>;

/** Calls `tick` every `ms` until the returned function is called; tests pass one they fire by hand. */
export type Heartbeat = (ms: number, tick: () => Promise<void>) => () => void;

const realHeartbeat: Heartbeat = (ms, tick) => {
  const timer = setInterval(() => void tick(), ms);
  timer.unref();
  return () => clearInterval(timer);
};

/**
 * A card's lease lives this long unless renewed: a replica killed mid-update holds the card no
 * longer than this (the other replicas' jobs are retried meanwhile). Renewed every third of it.
 */
export const CARD_LEASE_TTL_MS = 10_000;

/**
 * One replica at a time updates a given card (spec §7: no duplicate post with several replicas).
 * A card held by another replica is not waited for: the job is retried shortly by the queue. The
 * lease is short and renewed while the update runs, so a slow update keeps the card and a dead
 * replica's lease frees it soon.
 */
export function createCardLock(options: {
  leases: CardLeases;
  ttlMs?: number;
  owner?: string;
  heartbeat?: Heartbeat;
}): CardLock {
  const owner = options.owner ?? randomUUID();
  const ttlMs = options.ttlMs ?? CARD_LEASE_TTL_MS;
  const heartbeat = options.heartbeat ?? realHeartbeat;
  const { leases } = options;
  return async (key, task) => {
    const name = `card:${key}`;
    if (!(await leases.acquire(name, owner, ttlMs))) {
      throw new BotError('delivery_failed', {
        message: 'another replica is updating this card',
        retryable: true,
        retryAfterMs: 1_000,
      });
    }
    let renewing: Promise<void> | undefined;
    let lost = false;
    const renew = async () => {
      // A renewal refused means the update stalled past the lease and another replica took the
      // card: renewing on would take it back from under that replica once its lease ends. A store
      // that does not answer is tried again at the next beat; until then the lease runs down.
      lost = !(await leases.acquire(name, owner, ttlMs).catch(() => true));
    };
    const stop = heartbeat(Math.max(1, Math.floor(ttlMs / 3)), () => {
      if (!lost) {
        renewing ??= renew().finally(() => {
          renewing = undefined;
        });
      }
      return renewing ?? Promise.resolve();
    });
    try {
      return await task();
    } finally {
      stop();
      // A renewal landing after the release would hold the card again for a whole ttl.
      await renewing;
      await leases.release(name, owner);
    }
  };
}
