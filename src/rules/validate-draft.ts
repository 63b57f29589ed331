import { KEY_SPECS, SINGLE_KEYS } from './condition-keys.ts';
import type { Condition } from './rule.ts';
import { REQUIRED_KEYS, type Trigger } from './triggers.ts';
import { quoted, usageError } from './usage-error.ts';

export const MAX_CONDITIONS = 20;

/** Rules that concern the conditions together: required keys, keys given once, how many. */
export function validateDraft(trigger: Trigger, conditions: readonly Condition[]): void {
  if (conditions.length > MAX_CONDITIONS) {
    throw usageError(`a rule takes at most ${MAX_CONDITIONS} conditions, got ${conditions.length}`, {
      trigger,
    });
  }
  const seen = new Set<string>();
  for (const condition of conditions) {
    if (SINGLE_KEYS.has(condition.key) && seen.has(condition.key)) {
      throw usageError(`${quoted(condition.key)} is given twice — keep one`, { key: condition.key, trigger });
    }
    seen.add(condition.key);
  }
  const missing = REQUIRED_KEYS[trigger].filter(
    (key) => !conditions.some((condition) => condition.key === key && condition.op === '='),
  );
  if (missing.length > 0) {
    const needed = REQUIRED_KEYS[trigger].map((key) => KEY_SPECS[key].example).join(' ');
    throw usageError(
      `${trigger} needs ${missing.map((key) => `${key}=…`).join(' and ')}, e.g. subscribe ${trigger} ${needed}`,
      { trigger, missing },
    );
  }
}
