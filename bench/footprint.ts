/**
 * `npm run bench:footprint`: the idle bot as `npm start` runs it, both platforms on, spawned
 * BENCH_RUNS times (default 5) one after the other; prints the median of each figure as a table.
 */
import { type Footprint, measureFootprint } from './measure-footprint.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const IDLE_MS = Number(process.env.BENCH_IDLE_MS ?? 5_000);

const runs: Footprint[] = [];
for (let run = 0; run < RUNS; run += 1) {
  const figures = await measureFootprint({ idleMs: IDLE_MS });
  process.stderr.write(`run ${run + 1}/${RUNS}: ${JSON.stringify(roundAll(figures))}\n`);
  runs.push(figures);
}

const median = (pick: (figures: Footprint) => number) => {
  const sorted = runs.map(pick).sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};
const range = (pick: (figures: Footprint) => number) =>
  `${Math.min(...runs.map(pick)).toFixed(0)}–${Math.max(...runs.map(pick)).toFixed(0)}`;

process.stdout.write(
  [
    `Idle bot, both platforms on, SQLite, ${RUNS} runs (median, range), idle ${IDLE_MS / 1000} s after /healthz:`,
    '',
    '| start → /healthz | CPU until healthy | idle RSS | heap used |',
    '| ---: | ---: | ---: | ---: |',
    `| ${median((f) => f.startToHealthyMs).toFixed(0)} ms (${range((f) => f.startToHealthyMs)}) | ${median((f) => f.startCpuMs).toFixed(0)} ms | ${median((f) => f.idleRssMb).toFixed(0)} MB (${range((f) => f.idleRssMb)}) | ${median((f) => f.heapUsedMb).toFixed(1)} MB |`,
    '',
  ].join('\n'),
);

function roundAll(figures: Footprint): Record<string, number> {
  return Object.fromEntries(
    Object.entries(figures).map(([key, value]) => [key, Math.round(value * 10) / 10]),
  );
}
