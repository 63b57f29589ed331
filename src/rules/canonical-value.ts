import { KEY_SPECS } from './condition-keys.ts';
import { canonicalTlp, isUrgencyLevel, URGENCY_LEVELS } from './ordered-values.ts';
import { formatDuration, parseDuration } from './parse-duration.ts';
import { didYouMean } from './suggest-word.ts';
import type { ConditionKey } from './triggers.ts';
import { quoted, usageError } from './usage-error.ts';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const WHOLE_NUMBER = /^\d{1,10}$/;
const MAX_VALUE_LENGTH = 200;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to refuse control characters.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Checks one value of a condition and returns its canonical spelling (see Condition). */
export function canonicalValue(key: ConditionKey, value: string): string {
  const spec = KEY_SPECS[key];
  const fail = (expected: string, hint = '') =>
    usageError(`${quoted(key)} takes ${expected}, got ${quoted(value)}${hint}`, { token: value, key });
  if (CONTROL.test(value)) throw fail('text without control characters');
  if (value.length > MAX_VALUE_LENGTH) throw fail(`at most ${MAX_VALUE_LENGTH} characters`);
  const lower = value.toLowerCase();
  switch (spec.kind) {
    case 'level': {
      if (isUrgencyLevel(lower)) return lower;
      return wholeNumber(value, spec.min ?? 0, spec.max ?? 100, () =>
        fail('0–100 or low, medium, high', didYouMean(value, Object.keys(URGENCY_LEVELS))),
      );
    }
    case 'number':
      return wholeNumber(value, spec.min ?? 0, spec.max ?? 100, () =>
        fail(`a whole number from ${spec.min ?? 0} to ${spec.max ?? 100}`),
      );
    case 'tlp': {
      const tlp = canonicalTlp(value);
      if (tlp === undefined) throw fail('white (or clear), green, amber, amber+strict or red');
      return tlp;
    }
    case 'uuid':
      if (!UUID.test(value)) throw fail('a UUID');
      return lower;
    case 'ref':
      return UUID.test(value) ? lower : value;
    case 'text':
      return value;
    case 'enum': {
      const choices = spec.choices ?? [];
      if (choices.includes(lower)) return lower;
      throw fail(choices.join(', '), didYouMean(value, choices));
    }
    case 'boolean':
      if (lower === 'true' || lower === 'false') return lower;
      throw fail('true or false');
    case 'duration':
      return formatDuration(parseDuration(value, { label: key, min: spec.min ?? 0, max: spec.max ?? 0 }));
  }
}

function wholeNumber(value: string, min: number, max: number, fail: () => Error): string {
  if (!WHOLE_NUMBER.test(value)) throw fail();
  const n = Number(value);
  if (n < min || n > max) throw fail();
  return String(n);
}
