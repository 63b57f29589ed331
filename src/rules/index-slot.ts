import { UUID } from './canonical-value.ts';
import { KEY_SPECS } from './condition-keys.ts';
import { isUrgencyLevel, URGENCY_LEVELS } from './ordered-values.ts';
import type { PreparedFacts } from './prepare-facts.ts';
import type { Condition } from './rule.ts';
import { REF_FACTS, TEXT_FACTS } from './trigger-facts.ts';
import type { ConditionKey } from './triggers.ts';

/** Where the index files a rule: under the values of one equality, by urgency floor, or to scan. */
export type IndexSlot =
  | { kind: 'equality'; key: ConditionKey; lookups: string[] }
  | { kind: 'urgency'; floor: number }
  | { kind: 'scan' };

/**
 * Equality keys from the most to the least selective: a rule is filed under the first one it has
 * with `=` (a rule, asset or playbook names few alerts; a status or a change kind names many).
 */
export const INDEX_PRIORITY: readonly ConditionKey[] = [
  'rule',
  'asset',
  'playbook',
  'intake',
  'entity',
  'community',
  'name',
  'pattern',
  'threat',
  'sector',
  'country',
  'type',
  'status',
  'change',
];

export function chooseIndexSlot(conditions: readonly Condition[]): IndexSlot {
  for (const key of INDEX_PRIORITY) {
    const condition = conditions.find((c) => c.key === key && c.op === '=');
    if (condition) {
      // Once per lookup (`entity=Lyon,lyon` is one), so that a bucket holds a rule at most once.
      const lookups = [...new Set(condition.values.map((v) => conditionLookup(key, v)))];
      return { kind: 'equality', key, lookups };
    }
  }
  const floor = urgencyFloor(conditions);
  return floor === undefined ? { kind: 'scan' } : { kind: 'urgency', floor };
}

function conditionLookup(key: ConditionKey, value: string): string {
  const lower = value.toLowerCase();
  const kind = KEY_SPECS[key].kind;
  if (kind !== 'ref' && kind !== 'uuid') return `t:${lower}`;
  return UUID.test(value) ? `u:${lower}` : `n:${lower}`;
}

/**
 * The least urgency an alert needs for the rule's positive urgency conditions to hold. `>` files
 * under the bound itself (not bound + 1) so that a fractional urgency is never skipped.
 */
function urgencyFloor(conditions: readonly Condition[]): number | undefined {
  let floor: number | undefined;
  for (const { key, op, values } of conditions) {
    if (key !== 'urgency' || (op !== '=' && op !== '>=' && op !== '>')) continue;
    const bounds = values.map((value) =>
      isUrgencyLevel(value) ? URGENCY_LEVELS[value] : [Number(value), Number(value)],
    );
    const candidate =
      op === '=' ? Math.min(...bounds.map(([lo]) => lo)) : op === '>=' ? bounds[0]?.[0] : bounds[0]?.[1];
    if (candidate !== undefined && Number.isFinite(candidate)) floor = Math.max(floor ?? 0, candidate);
  }
  return floor === undefined ? undefined : Math.min(Math.max(Math.floor(floor), 0), 100);
}

const isRefKey = (key: ConditionKey): boolean => REF_FACTS.includes(key);
const isTextKey = (key: ConditionKey): boolean => TEXT_FACTS.includes(key);

/** The lookups a notification's facts hit for one equality key, in the form of conditionLookup. */
export function factLookups(facts: PreparedFacts, key: ConditionKey): string[] {
  const lookups: string[] = [];
  if (isRefKey(key)) {
    for (const ref of facts.refs[key] ?? []) {
      if (ref.uuid !== undefined) lookups.push(`u:${ref.uuid}`);
      if (ref.name !== undefined) lookups.push(`n:${ref.name}`);
    }
  } else if (isTextKey(key)) {
    for (const text of facts.texts[key] ?? []) lookups.push(`t:${text}`);
  }
  return lookups;
}
