import { isBotError } from '../errors.ts';
import { parseDuration } from '../rules/parse-duration.ts';
import type { Rule } from '../rules/rule.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface WatchedIntake {
  uuid: string;
  name: string | undefined;
}

/**
 * The shortest `for` among the `intake-silent` rules that watch the intake (by UUID, or by name,
 * case-insensitively); undefined when none does.
 */
export function intakeWindowMs(rules: readonly Rule[], intake: WatchedIntake): number | undefined {
  let shortest: number | undefined;
  for (const rule of rules) {
    if (rule.trigger !== 'intake-silent') continue;
    const forMs = durationOf(rule);
    const refs = rule.conditions.find((c) => c.key === 'intake' && (c.op === '=' || c.op === '~'))?.values;
    if (forMs === undefined || refs === undefined || !refs.some((ref) => names(ref, intake))) continue;
    if (shortest === undefined || forMs < shortest) shortest = forMs;
  }
  return shortest;
}

function names(ref: string, intake: WatchedIntake): boolean {
  const lower = ref.toLowerCase();
  return UUID.test(ref) ? intake.uuid.toLowerCase() === lower : intake.name?.toLowerCase() === lower;
}

function durationOf(rule: Rule): number | undefined {
  const text = rule.conditions.find((c) => c.key === 'for')?.values[0];
  if (text === undefined) return undefined;
  try {
    return parseDuration(text);
  } catch (error) {
    // A stored rule always holds a canonical duration; a hand-edited one is skipped, not fatal.
    return isBotError(error) ? undefined : undefined;
  }
}
