import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { envelopeProblems } from '../../src/ingress/envelope-problems.ts';
import { readSekoiaEvent } from '../../src/ingress/read-sekoia-event.ts';
import { sekoiaEventSchema } from '../../src/ingress/sekoia-event-schema.ts';

const created = JSON.parse(
  readFileSync(new URL('../fixtures/sekoia/alert-created.json', import.meta.url), 'utf8'),
);

/** The problems as the route worded zod's issues before the check was written by hand. */
function zodProblems(value: unknown): string[] {
  const parsed = sekoiaEventSchema.safeParse(value);
  if (parsed.success) return [];
  return parsed.error.issues.slice(0, 10).map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
}

// Parsed JSON only: what JSON.parse can give.
const BODIES: [string, string][] = [
  ['the reference example', JSON.stringify(created)],
  ['a type of 256 characters', JSON.stringify({ type: 'x'.repeat(256) })],
  ['a type of one character', '{"type":"a"}'],
  ['a type and nothing readable', '{"type":"case","action":[],"attributes":"x","metadata":3}'],
  ['a "__proto__" key', '{"__proto__":{"type":"alert"},"type":"alert"}'],
  ['no type', '{"action":"created"}'],
  ['an empty object', '{}'],
  ['an empty type', '{"type":""}'],
  ['a type of 257 characters', JSON.stringify({ type: 'x'.repeat(257) })],
  ['a type of 256 characters outside the BMP (512 UTF-16 units)', JSON.stringify({ type: '😀'.repeat(256) })],
  ['a type of 257 characters outside the BMP', JSON.stringify({ type: '😀'.repeat(257) })],
  ['a type of 257 lone surrogates', JSON.stringify({ type: '\ud83d'.repeat(257) })],
  [
    'a type of 200 pairs and 57 lone surrogates',
    JSON.stringify({ type: `${'😀'.repeat(200)}${'\ude00'.repeat(57)}` }),
  ],
  ['a type that is a number', '{"type":7}'],
  ['a type that is a boolean', '{"type":true}'],
  ['a type that is null', '{"type":null}'],
  ['a type that is a list', '{"type":["alert"]}'],
  ['a type that is an object', '{"type":{"name":"alert"}}'],
  ['an array', '[{"type":"alert"}]'],
  ['null', 'null'],
  ['a string', '"alert"'],
  ['a number', '12'],
  ['a boolean', 'false'],
];

describe('envelopeProblems: the envelope checked by hand, worded as zod words it', () => {
  it.each(BODIES)('%s: the same problems as the zod schema', (_label, text) => {
    const value = JSON.parse(text) as unknown;
    expect(envelopeProblems(value)).toEqual(zodProblems(value));
  });

  it.each(BODIES)('%s: accepted as the zod schema accepts it, read the same', (_label, text) => {
    const value = JSON.parse(text) as unknown;
    const parsed = sekoiaEventSchema.safeParse(value);
    expect(envelopeProblems(value).length === 0).toBe(parsed.success);
    if (parsed.success) expect(readSekoiaEvent(value)).toEqual(parsed.data);
  });

  it('finds a problem in most of these bodies, so that the comparison is not between empty lists', () => {
    const refused = BODIES.filter(([, text]) => envelopeProblems(JSON.parse(text)).length > 0);
    expect(refused).toHaveLength(17);
  });
});
