import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface MemorySample {
  rss: number;
  heapUsed: number;
  heapTotal: number;
}

export type SampleMemory = (options: { reclaim: boolean }) => MemorySample;

type Collect = (options?: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;

/**
 * Memory after a full GC, so that RSS shows what is kept rather than parser garbage. `reclaim`
 * asks for the GC V8 runs under memory pressure, which also gives back the pages it keeps for
 * reuse (mostly the young generation, grown while loading): the least the process can hold.
 * gc() is exposed once: each exposure builds a vm context, which would count in the next sample.
 */
export function createMemorySampler(): SampleMemory {
  setFlagsFromString('--expose-gc');
  const exposed: unknown = runInNewContext('gc');
  if (typeof exposed !== 'function') throw new Error('gc() could not be exposed');
  const gc: Collect = (options) => exposed(options);
  return ({ reclaim }) => {
    if (reclaim) gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
    else gc();
    const { rss, heapUsed, heapTotal } = process.memoryUsage();
    return { rss, heapUsed, heapTotal };
  };
}
