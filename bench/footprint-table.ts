import type { Footprint } from './measure-footprint.ts';

/** The median of some figures (the mean of the two middle ones for an even count). */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/**
 * Footprint runs as a markdown table: one row, the median of each figure with the range of the
 * ones that vary most. Shared by bench:footprint and bench:ingest.
 */
export function footprintTable(runs: readonly Footprint[]): string {
  const of = (pick: (figures: Footprint) => number) => runs.map(pick);
  const mid = (pick: (figures: Footprint) => number) => median(of(pick));
  const range = (pick: (figures: Footprint) => number) =>
    `${Math.min(...of(pick)).toFixed(0)}–${Math.max(...of(pick)).toFixed(0)}`;
  return [
    '| start → /healthz | CPU until healthy | idle RSS | heap used |',
    '| ---: | ---: | ---: | ---: |',
    `| ${mid((f) => f.startToHealthyMs).toFixed(0)} ms (${range((f) => f.startToHealthyMs)}) | ${mid((f) => f.startCpuMs).toFixed(0)} ms | ${mid((f) => f.idleRssMb).toFixed(0)} MB (${range((f) => f.idleRssMb)}) | ${mid((f) => f.heapUsedMb).toFixed(1)} MB |`,
  ].join('\n');
}
