import type { Every } from '../../src/scheduler/keep-lease.ts';

export interface ManualTimers {
  readonly every: Every;
  /** Runs every live timer once (a renewal round), as if its period had passed. */
  fire(): Promise<void>;
  live(): number;
}

/** Lease-renewal timers that only fire when a test says so. */
export function createManualTimers(): ManualTimers {
  const timers = new Set<() => Promise<void>>();
  return {
    every: (_ms, tick) => {
      timers.add(tick);
      return () => timers.delete(tick);
    },
    fire: async () => {
      await Promise.all([...timers].map((tick) => tick()));
    },
    live: () => timers.size,
  };
}
