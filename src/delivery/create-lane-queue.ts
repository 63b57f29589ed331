import type { CardLane } from './card-lane.ts';

/** A request waiting for its turn at the gate. */
export interface Waiter {
  /** `continue`: a further request of a call already started (it finishes before others start). */
  lane: CardLane | 'continue';
  /** Channels take turns within a lane. */
  channel: string;
  /** What else limits it (a Teams conversation). */
  scope: string | undefined;
  go: () => void;
}

const ORDER: readonly Waiter['lane'][] = ['continue', 'click', 'first', 'update'];

/**
 * The gate's waiting requests: lanes in order, round-robin by channel within a lane, first come
 * first served within a channel. A channel served goes to the back of its lane's turn, so a storm in
 * one channel takes one turn in N, whatever its backlog.
 */
export function createLaneQueue() {
  const lanes = new Map(ORDER.map((lane) => [lane, new Map<string, Waiter[]>()]));
  return {
    add(waiter: Waiter): void {
      const channels = lanes.get(waiter.lane);
      const queue = channels?.get(waiter.channel);
      if (queue) queue.push(waiter);
      else channels?.set(waiter.channel, [waiter]);
    },
    /**
     * The first waiter whose own scope lets it go now (`scopeWaitMs` 0), taken out of the queue; or,
     * when none may, how long until the soonest may (undefined: nobody waits).
     */
    next(scopeWaitMs: (waiter: Waiter) => number): { waiter?: Waiter; waitMs?: number } {
      let soonest: number | undefined;
      for (const channels of lanes.values()) {
        for (const [channel, queue] of channels) {
          const head = queue[0];
          if (head === undefined) continue;
          const wait = scopeWaitMs(head);
          if (wait > 0) {
            soonest = Math.min(soonest ?? wait, wait);
            continue;
          }
          queue.shift();
          channels.delete(channel);
          if (queue.length > 0) channels.set(channel, queue);
          return { waiter: head };
        }
      }
      return soonest === undefined ? {} : { waitMs: soonest };
    },
  };
}
