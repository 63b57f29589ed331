import { UUID } from '../rules/canonical-value.ts';
import { isUrgencyLevel, URGENCY_LEVELS } from '../rules/ordered-values.ts';
import type { Condition } from '../rules/rule.ts';
import type { AlertMatchField } from '../sekoia/list-alerts-query.ts';

/** What of a rule's conditions the alerts listing can filter on itself (reference sekoia-api §5.3). */
export interface PushedFilters {
  match: Partial<Record<AlertMatchField, string[]>>;
  /** `range[urgency]`; absent when no condition bounds it. */
  urgency?: { min: number; max: number };
  /** The urgency conditions leave no value at all: nothing can match, no need to ask. */
  empty: boolean;
  /** The conditions the listing cannot apply: only the bot's matcher decides them. */
  local: Condition[];
}

/**
 * Ref keys the listing matches exactly by UUID. Names stay with the bot's matcher: `match[…_name]`
 * is an exact filter (reference §5.3) while rules match names in any case (spec §5), so a pushed
 * `entity="lyon hq"` would hide the "Lyon HQ" alerts the live rule posts; and a card shows a custom
 * status by its label, which `match[status_name]` does not know (reference §6.3).
 */
const UUID_FIELDS: Readonly<Record<string, AlertMatchField>> = {
  entity: 'entity_uuid',
  rule: 'rule_uuid',
  status: 'status_uuid',
  community: 'community_uuid',
};

/**
 * The filters pushed to `GET /v1/sic/alerts`. Pushing only narrows what is read: every alert read
 * is still matched against the whole rule by the live matcher, so a pushed filter can never add a
 * card, only spare pages. A value with a comma cannot be sent (the listing splits on commas).
 */
export function pushPreviewFilters(conditions: readonly Condition[]): PushedFilters {
  const pushed: PushedFilters = { match: {}, empty: false, local: [] };
  let range: [number, number] | undefined;
  for (const condition of conditions) {
    const field = condition.op === '=' ? refField(condition) : undefined;
    if (field !== undefined && pushed.match[field] === undefined) {
      pushed.match[field] = condition.values;
      continue;
    }
    const bound = condition.key === 'urgency' ? urgencyBound(condition) : undefined;
    if (bound !== undefined) {
      range = range === undefined ? bound : [Math.max(range[0], bound[0]), Math.min(range[1], bound[1])];
      continue;
    }
    pushed.local.push(condition);
  }
  if (range !== undefined) {
    if (range[0] > range[1]) pushed.empty = true;
    else pushed.urgency = { min: range[0], max: range[1] };
  }
  return pushed;
}

function refField(condition: Condition): AlertMatchField | undefined {
  const field = UUID_FIELDS[condition.key];
  const { values } = condition;
  if (field === undefined || values.length === 0) return undefined;
  return values.every((value) => UUID.test(value)) ? field : undefined;
}

/**
 * The integer range of 0–100 an urgency condition allows, widened to whole numbers (the listing
 * takes integers; the matcher then applies the exact bound); undefined for `!=`, which no range says.
 */
function urgencyBound(condition: Condition): [number, number] | undefined {
  const intervals = condition.values.map(interval);
  const [first] = intervals;
  if (first === undefined || intervals.some((value) => value === undefined)) return undefined;
  const clamp = (n: number) => Math.min(100, Math.max(0, n));
  // As the matcher reads them (compile-condition.ts): `=` any of the values, the others the first.
  switch (condition.op) {
    case '=': {
      const lo = Math.min(...intervals.map((value) => value?.[0] ?? 0));
      const hi = Math.max(...intervals.map((value) => value?.[1] ?? 100));
      return [clamp(Math.floor(lo)), clamp(Math.ceil(hi))];
    }
    case '>=':
      return [clamp(Math.floor(first[0])), 100];
    case '>':
      return [clamp(Math.floor(first[1])), 100];
    case '<=':
      return [0, clamp(Math.ceil(first[1]))];
    case '<':
      return [0, clamp(Math.ceil(first[0]))];
    default:
      return undefined;
  }
}

function interval(value: string): readonly [number, number] | undefined {
  if (isUrgencyLevel(value)) return URGENCY_LEVELS[value];
  const n = Number(value);
  return value === '' || !Number.isFinite(n) ? undefined : [n, n];
}
