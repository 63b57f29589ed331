import { readFileSync } from 'node:fs';

/** What a run cost this process in CPU time: its main thread's, and all its threads' together. */
export interface RunCost {
  /** User + system CPU time of the main thread (Linux only, else NaN), ms. */
  mainCpuMs: number;
  /** User + system CPU time of the whole process (every thread), ms. */
  cpuMs: number;
}

/** Linux's clock ticks per second (`getconf CLK_TCK`), the unit of /proc's CPU times. */
const TICKS_PER_SECOND = 100;

/**
 * Measures `run` from this process. On a shared 2-core machine req/s swing with the neighbours'
 * load; the CPU spent per request moves far less, so before/after compare on it as well. (The
 * event loop's utilisation would count the time the thread waits to be scheduled as busy.)
 */
export async function costOf<T>(run: () => Promise<T>): Promise<{ result: T; cost: RunCost }> {
  const main = mainThreadCpuMs();
  const cpu = process.cpuUsage();
  const result = await run();
  const used = process.cpuUsage(cpu);
  return { result, cost: { mainCpuMs: mainThreadCpuMs() - main, cpuMs: (used.user + used.system) / 1000 } };
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
