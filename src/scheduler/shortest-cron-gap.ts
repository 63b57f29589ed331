import { validateDetailed } from 'node-cron';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The smallest step between the values of a field, the wrap-around included; one value: none. */
function smallestStep(values: readonly number[], cycle: number): number | undefined {
  if (values.length < 2) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  let step = cycle - (sorted.at(-1) ?? 0) + (sorted[0] ?? 0);
  for (let i = 1; i < sorted.length; i += 1) step = Math.min(step, (sorted[i] ?? 0) - (sorted[i - 1] ?? 0));
  return step;
}

/**
 * A lower bound of the time between two ticks of a node-cron expression (5 fields, or 6 with seconds
 * first), in ms, from the finest field that takes more than one value: `*\/5 * * * * *` → 5 s,
 * `*\/15 * * * *` → 15 min, `0 3 * * *` → 1 day. Undefined for an invalid expression.
 */
export function shortestCronGapMs(expression: string): number | undefined {
  const { valid, fields } = validateDetailed(expression);
  if (!valid || fields === undefined) return undefined;
  const seconds = smallestStep(fields.second, 60);
  if (seconds !== undefined) return seconds * SECOND;
  const minutes = smallestStep(fields.minute, 60);
  if (minutes !== undefined) return minutes * MINUTE;
  const hours = smallestStep(fields.hour, 24);
  return hours === undefined ? DAY : hours * HOUR;
}
