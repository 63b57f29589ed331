/** A full collection of the kind V8 runs under memory pressure (node --expose-gc's gc()). */
type Collect = (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;

/**
 * Gives back the memory that loading the modules left behind. V8 grows the young generation to its
 * maximum (`--max-semi-space-size`) while the bot starts, and keeps those pages once idle: one
 * collection of the kind it runs under memory pressure releases them (~15 MB of idle RSS,
 * BENCHMARKS.md, footprint). The young generation grows again under load, as it would have.
 * Needs `--expose-gc` (npm start, Dockerfile); without it, nothing is done.
 */
export function releaseStartMemory(): void {
  const gc: unknown = Reflect.get(globalThis, 'gc');
  if (typeof gc === 'function') (gc as Collect)({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}
