import type { ChartBar } from '../../commands/command-context.ts';
import { boundLine } from './bound-line.ts';

/** Bars longer than this many blocks would wrap on a phone. */
const MAX_BLOCKS = 20;
const MAX_BARS = 31;
const MAX_LABEL = 24;

export interface DrawnBar {
  /** The label, cut to one short line. */
  label: string;
  /** Full blocks, at least one for any count above 0, the longest bar MAX_BLOCKS. */
  bar: string;
  value: number;
}

/** A chart's bars as text blocks, scaled to the largest value; what each platform lays out. */
export function drawBars(chart: readonly ChartBar[]): DrawnBar[] {
  const bars = chart.slice(0, MAX_BARS);
  const values = bars.map((entry) => (Number.isFinite(entry.value) && entry.value > 0 ? entry.value : 0));
  const max = Math.max(0, ...values);
  return bars.map((entry, index) => {
    const value = values[index] ?? 0;
    const blocks = max === 0 || value === 0 ? 0 : Math.max(1, Math.round((value / max) * MAX_BLOCKS));
    return { label: boundLine(entry.label, MAX_LABEL), bar: '█'.repeat(blocks), value };
  });
}
