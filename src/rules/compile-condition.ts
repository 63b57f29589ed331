import { BotError } from '../errors.ts';
import { UUID } from './canonical-value.ts';
import { KEY_SPECS } from './condition-keys.ts';
import { type Interval, isUrgencyLevel, tlpInterval as tlpBand, URGENCY_LEVELS } from './ordered-values.ts';
import { parseDuration } from './parse-duration.ts';
import type { FlagFact, PreparedFacts, RefFact, TextFact } from './prepare-facts.ts';
import type { Condition, Operator } from './rule.ts';
import { FLAG_FACTS, NUMBER_FACTS, REF_FACTS, TEXT_FACTS } from './trigger-facts.ts';

export type FactTest = (facts: PreparedFacts) => boolean;

const isOneOf = <T extends string>(list: readonly T[], key: string): key is T =>
  (list as readonly string[]).includes(key);

/** A condition → a test over prepared facts; BotError('rule_invalid') for a condition the parser never makes. */
export function compileCondition(condition: Condition): FactTest {
  const { key, op, values } = condition;
  const kind = KEY_SPECS[key].kind;
  if ((kind === 'level' || kind === 'number') && isOneOf(NUMBER_FACTS, key)) {
    return compileOrdered(op, values.map(numberInterval), (facts) => facts.numbers[key]);
  }
  if (kind === 'tlp') return compileOrdered(op, values.map(tlpInterval), (facts) => facts.tlp);
  if (kind === 'duration' && key === 'for' && op === '=' && values.length === 1) {
    const ms = parseDuration(values[0] ?? '', { label: key, min: 0, max: Number.MAX_SAFE_INTEGER });
    return (facts) => (facts.numbers.for ?? -1) >= ms;
  }
  if ((kind === 'ref' || kind === 'uuid') && isOneOf(REF_FACTS, key)) return compileRef(key, op, values);
  if ((kind === 'text' || kind === 'enum') && isOneOf(TEXT_FACTS, key)) return compileText(key, op, values);
  if (kind === 'boolean' && isOneOf(FLAG_FACTS, key) && values.length === 1)
    return compileFlag(key, op, values);
  throw invalid(condition);
}

function compileOrdered(op: Operator, intervals: Interval[], read: (f: PreparedFacts) => number | undefined) {
  const [lo, hi] = intervals[0] ?? [Number.NaN, Number.NaN];
  const within = (v: number | undefined) =>
    v !== undefined && intervals.some(([from, to]) => v >= from && v <= to);
  // One closure per condition, holding only what it compares: 100,000 rules stay small.
  switch (op) {
    case '=':
      return (f: PreparedFacts) => within(read(f));
    case '!=':
      return (f: PreparedFacts) => !within(read(f));
    case '>=':
      return (f: PreparedFacts) => (read(f) ?? Number.NaN) >= lo;
    case '>':
      return (f: PreparedFacts) => (read(f) ?? Number.NaN) > hi;
    case '<=':
      return (f: PreparedFacts) => (read(f) ?? Number.NaN) <= hi;
    case '<':
      return (f: PreparedFacts) => (read(f) ?? Number.NaN) < lo;
    case '~':
      throw new BotError('rule_invalid', { message: '"~" on an ordered key' });
  }
}

function compileRef(key: RefFact, op: Operator, values: readonly string[]): FactTest {
  const wanted = values.map((value) => {
    const lower = lowerCase(value);
    return UUID.test(value)
      ? { uuid: lower, name: undefined, text: lower }
      : { uuid: undefined, name: lower, text: lower };
  });
  const equal = (f: PreparedFacts) =>
    (f.refs[key] ?? []).some((ref) =>
      wanted.some((w) => (w.uuid === undefined ? ref.name === w.name : ref.uuid === w.uuid)),
    );
  if (op === '=') return equal;
  if (op === '!=') return (f) => !equal(f);
  if (op === '~') {
    return (f) =>
      (f.refs[key] ?? []).some(
        (ref) => ref.name !== undefined && wanted.some((w) => ref.name?.includes(w.text)),
      );
  }
  throw invalid({ key, op, values: [...values] });
}

function compileText(key: TextFact, op: Operator, values: readonly string[]): FactTest {
  const wanted = values.map(lowerCase);
  const equal = (f: PreparedFacts) => (f.texts[key] ?? []).some((text) => wanted.includes(text));
  if (op === '=') return equal;
  if (op === '!=') return (f) => !equal(f);
  if (op === '~') return (f) => (f.texts[key] ?? []).some((text) => wanted.some((w) => text.includes(w)));
  throw invalid({ key, op, values: [...values] });
}

function compileFlag(key: FlagFact, op: Operator, values: readonly string[]): FactTest {
  const wanted = values[0] === 'true';
  if (op === '=') return (f) => f.flags[key] === wanted;
  if (op === '!=') return (f) => f.flags[key] !== wanted;
  throw invalid({ key, op, values: [...values] });
}

/** The value itself when it is in lower case already: toLowerCase would copy it (100,000 rules hold many). */
function lowerCase(value: string): string {
  const lower = value.toLowerCase();
  return lower === value ? value : lower;
}

function numberInterval(value: string): Interval {
  if (isUrgencyLevel(value)) return URGENCY_LEVELS[value];
  const n = Number(value);
  if (value === '' || !Number.isFinite(n)) throw new BotError('rule_invalid', { details: { value } });
  return [n, n];
}

function tlpInterval(value: string): Interval {
  const band = tlpBand(value);
  if (band === undefined) throw new BotError('rule_invalid', { details: { value } });
  return band;
}

function invalid(condition: Condition): BotError {
  return new BotError('rule_invalid', {
    message: `invalid condition on "${condition.key}"`,
    details: { condition },
  });
}
