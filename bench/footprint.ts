/**
 * `npm run bench:footprint`: the idle bot as `npm start` runs it, both platforms on, spawned
 * BENCH_RUNS times (default 5) one after the other; prints the median of each figure as a table.
 */
import { footprintTable } from './footprint-table.ts';
import { type Footprint, measureFootprint } from './measure-footprint.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const IDLE_MS = Number(process.env.BENCH_IDLE_MS ?? 5_000);

const runs: Footprint[] = [];
for (let run = 0; run < RUNS; run += 1) {
  const figures = await measureFootprint({ idleMs: IDLE_MS });
  process.stderr.write(`run ${run + 1}/${RUNS}: ${JSON.stringify(roundAll(figures))}\n`);
  runs.push(figures);
}

process.stdout.write(
  [
    `Idle bot, both platforms on, SQLite, ${RUNS} runs (median, range), idle ${IDLE_MS / 1000} s after /healthz:`,
    '',
    footprintTable(runs),
    '',
  ].join('\n'),
);

function roundAll(figures: Footprint): Record<string, number> {
  return Object.fromEntries(
    Object.entries(figures).map(([key, value]) => [key, Math.round(value * 10) / 10]),
  );
}
