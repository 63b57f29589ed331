import { canonicalValue } from './canonical-value.ts';
import { KEY_SPECS, LIST_KINDS, OPERATORS_OF_KIND } from './condition-keys.ts';
import type { Condition } from './rule.ts';
import type { RawCondition } from './split-condition.ts';
import { didYouMean } from './suggest-word.ts';
import { isConditionKey, TRIGGER_KEYS, type Trigger } from './triggers.ts';
import { quoted, usageError } from './usage-error.ts';

/** Checks a typed condition against the trigger's keys, the key's operators and values. */
export function checkCondition(trigger: Trigger, raw: RawCondition): Condition {
  const keys = TRIGGER_KEYS[trigger];
  const details = { token: raw.raw, key: raw.key, trigger };
  if (!isConditionKey(raw.key)) {
    const hint = didYouMean(raw.key, keys) || ` — ${trigger} takes ${keys.join(', ')}`;
    throw usageError(`unknown key ${quoted(raw.key)}${hint}`, details);
  }
  const key = raw.key;
  if (!keys.includes(key)) {
    throw usageError(
      `${quoted(key)} is not a condition of ${trigger} — it takes ${keys.join(', ')}`,
      details,
    );
  }
  const spec = KEY_SPECS[key];
  if (raw.op === undefined) {
    throw usageError(`${quoted(raw.raw)} needs an operator and a value, e.g. ${spec.example}`, details);
  }
  const allowed = OPERATORS_OF_KIND[spec.kind];
  if (!allowed.includes(raw.op)) {
    throw usageError(
      `${quoted(raw.op)} does not apply to ${quoted(key)} in ${quoted(raw.raw)} — use ${allowed.join(' ')}, e.g. ${spec.example}`,
      details,
    );
  }
  const listAllowed = LIST_KINDS.has(spec.kind) && (raw.op === '=' || raw.op === '!=' || raw.op === '~');
  if (raw.values.length > 1 && !listAllowed) {
    throw usageError(`${quoted(`${key}${raw.op}`)} takes a single value, got ${quoted(raw.raw)}`, details);
  }
  return { key, op: raw.op, values: raw.values.map((value) => canonicalValue(key, value)) };
}
