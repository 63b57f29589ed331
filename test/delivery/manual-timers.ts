import type { ManualClock } from '../../src/clock.ts';

/** Timers on a manual clock: `advance` moves time, running what falls due in order, and lets promises settle. */
export function createManualTimers(clock: ManualClock) {
  let timers: { at: number; run: () => void }[] = [];
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    setTimer: (run: () => void, ms: number) => {
      const timer = { at: clock.now() + ms, run };
      timers.push(timer);
      return () => {
        timers = timers.filter((each) => each !== timer);
      };
    },
    async advance(ms: number) {
      const end = clock.now() + ms;
      await settle();
      for (;;) {
        const due = timers.filter((timer) => timer.at <= end).sort((a, b) => a.at - b.at)[0];
        if (due === undefined) break;
        timers = timers.filter((timer) => timer !== due);
        clock.set(Math.max(clock.now(), due.at));
        due.run();
        await settle();
      }
      clock.set(end);
      await settle();
    },
  };
}
