import { describe, expect, it } from 'vitest';
import { isBotError } from '../../src/errors.ts';
import { formatSubscription } from '../../src/rules/format-subscription.ts';
import { parseSubscription } from '../../src/rules/parse-subscription.ts';
import { CONDITION_KEYS, TRIGGERS } from '../../src/rules/triggers.ts';
import { randomSubscriptionLine } from './random-subscriptions.ts';
import { pickOne, seededRandom } from './seeded-random.ts';

const FRAGMENTS = [
  ...TRIGGERS,
  ...CONDITION_KEYS,
  'urgncy',
  'alert-rased',
  '--name',
  '--nmae',
  '=',
  '!=',
  '~',
  '>=',
  '<=',
  '>',
  '<',
  ',',
  '"',
  "'",
  '“',
  '”',
  '\\',
  ' ',
  '  ',
  'high',
  'low',
  '15m',
  '24h',
  '7d',
  'true',
  'false',
  '-1',
  '1e3',
  'NaN',
  '__proto__',
  'constructor',
  'Lyon HQ',
  '0b7c6f1e-2d3a-4e5f-8a9b-1c2d3e4f5a6b',
  '\u0000',
  '\n',
  '\u00a0',
  '😀',
  'é',
];
const CHARS = ' =!~<>,"\'“”‘’\\-az09_:+.\u00a0\t';

function randomLine(random: () => number): string {
  const count = Math.floor(random() * 8);
  return Array.from({ length: count }, () => pickOne(random, FRAGMENTS)).join(random() < 0.5 ? ' ' : '');
}

function mutate(random: () => number, line: string): string {
  let text = line;
  const edits = 1 + Math.floor(random() * 3);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(random() * (text.length + 1));
    const ch = pickOne(random, [...CHARS]);
    const edit = Math.floor(random() * 3);
    text =
      edit === 0
        ? text.slice(0, at) + ch + text.slice(at)
        : edit === 1
          ? text.slice(0, at) + text.slice(at + 1)
          : text.slice(0, at) + ch + text.slice(at + 1);
  }
  return text;
}

/** Either a draft that reads back the same, or a usage error: never anything else. */
function check(line: string): 'ok' | 'usage' {
  let draft: ReturnType<typeof parseSubscription>;
  try {
    draft = parseSubscription(line);
  } catch (error) {
    if (!isBotError(error, 'command_usage'))
      throw new Error(`${JSON.stringify(line)} threw ${String(error)}`);
    expect(error.message.length).toBeGreaterThan(0);
    return 'usage';
  }
  expect(parseSubscription(formatSubscription(draft)), JSON.stringify(line)).toEqual(draft);
  return 'ok';
}

describe('parseSubscription on random and mutated input', () => {
  it('returns a draft that round-trips, or throws a usage error (5,000 random lines)', () => {
    const random = seededRandom(20260302);
    const outcomes = { ok: 0, usage: 0 };
    for (let i = 0; i < 5000; i++) outcomes[check(randomLine(random))] += 1;
    expect(outcomes.usage).toBeGreaterThan(0);
  });

  it('does the same on 10,000 mutations of valid lines', () => {
    const random = seededRandom(42);
    const outcomes = { ok: 0, usage: 0 };
    for (let i = 0; i < 10_000; i++) {
      const valid = randomSubscriptionLine(random);
      expect(check(valid)).toBe('ok');
      outcomes[check(mutate(random, valid))] += 1;
    }
    expect(outcomes.ok).toBeGreaterThan(1000);
    expect(outcomes.usage).toBeGreaterThan(1000);
  });
});
