import { readFileSync } from 'node:fs';

/** What a run cost this process, and the whole machine, in CPU time. */
export interface RunCost {
  /** User + system CPU time of the main thread (Linux only, else NaN), ms. */
  mainCpuMs: number;
  /** User + system CPU time of the whole process (every thread), ms. */
  cpuMs: number;
  /**
   * CPU time the whole machine was busy (every process: the load generator too), ms, and the
   * share of its cores that was (Linux only, else NaN).
   */
  machineBusyMs: number;
  machineUtilisation: number;
}

/** Linux's clock ticks per second (`getconf CLK_TCK`), the unit of /proc's CPU times. */
const TICKS_PER_SECOND = 100;

/**
 * Measures `run` from this process. On a shared 2-core machine req/s swing with the neighbours'
 * load; the CPU spent per request moves far less, so before/after compare on it as well. (The
 * event loop's utilisation would count the time the thread waits to be scheduled as busy.) The
 * machine's figures show what a request costs everything that serves it, the load generator
 * included: on 2 cores, the ratio of two servers' rates is about the inverse ratio of those costs,
 * times the ratio of the utilisations they reach.
 */
export async function costOf<T>(run: () => Promise<T>): Promise<{ result: T; cost: RunCost }> {
  const main = mainThreadCpuMs();
  const cpu = process.cpuUsage();
  const machine = machineTimes();
  const result = await run();
  const used = process.cpuUsage(cpu);
  const after = machineTimes();
  return {
    result,
    cost: {
      mainCpuMs: mainThreadCpuMs() - main,
      cpuMs: (used.user + used.system) / 1000,
      machineBusyMs: after.busyMs - machine.busyMs,
      machineUtilisation: (after.busyMs - machine.busyMs) / (after.totalMs - machine.totalMs),
    },
  };
}

/** utime + stime of the thread whose id is the pid (the main thread), from /proc; NaN elsewhere. */
function mainThreadCpuMs(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // Fields after the command name, which may hold spaces, closed by the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

/** The machine's CPU time since boot, all cores: busy, and in total (idle and I/O wait included). */
function machineTimes(): { busyMs: number; totalMs: number } {
  try {
    const [, ...fields] = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/);
    const ticks = fields.map(Number);
    const total = ticks.reduce((sum, value) => sum + value, 0);
    // user nice system idle iowait irq softirq steal…: idle and iowait are the time not busy.
    const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
    return { busyMs: ((total - idle) * 1000) / TICKS_PER_SECOND, totalMs: (total * 1000) / TICKS_PER_SECOND };
  } catch {
    return { busyMs: Number.NaN, totalMs: Number.NaN };
  }
}
