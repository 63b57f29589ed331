import { describe, expect, it } from 'vitest';
import * as mattermost from '../../../src/platforms/mattermost/escape-markdown.ts';
import { UNITS_PER_RUNE } from '../../../src/platforms/shared/cut-input.ts';
import * as teams from '../../../src/platforms/teams/escape-teams-markdown.ts';

/** Every bounded escaper of both platforms, with the bound a card gives it. */
const ESCAPERS: readonly [string, (text: string) => string, number][] = [
  ['mattermost escapeInline', (text) => mattermost.escapeInline(text, 250), 250],
  ['mattermost escapeBlock', (text) => mattermost.escapeBlock(text, 4_000), 4_000],
  ['mattermost plainText', (text) => mattermost.plainText(text, 280), 280],
  ['mattermost escapeCodeLine', (text) => mattermost.escapeCodeLine(text, 200), 200],
  ['teams escapeInline', (text) => teams.escapeInline(text, 250), 250],
  ['teams escapeBlock', (text) => teams.escapeBlock(text, 4_000), 4_000],
  ['teams plainText', (text) => teams.plainText(text, 280), 280],
];

const HOSTILE = [
  '@all ',
  '[x](http://e) ',
  '<at>a</at>',
  '\n',
  '\r\n\r\n',
  '  \t',
  '\u0000',
  '😀',
  '``` ',
  'www.',
  '# ',
];

function hostileText(seed: number, pieces: number): string {
  let state = seed;
  let text = '';
  for (let i = 0; i < pieces; i += 1) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    text += HOSTILE[state % HOSTILE.length];
  }
  return text;
}

/** Ten megabytes each: a title, whitespace or blank lines with a word at either end, prose. */
const HUGE = [
  'x'.repeat(10_000_000),
  `x${' '.repeat(10_000_000)}y`,
  `x${'\n'.repeat(10_000_000)}y`,
  'word '.repeat(2_000_000),
];
// Flattened before any clock starts: the first read of a string built by `repeat` copies it.
for (const text of HUGE) text.charCodeAt(text.length - 1);

describe.each(ESCAPERS)('%s', (_name, write, max) => {
  it('gives the same answer for a text cut by its bound whatever follows it', () => {
    for (let seed = 1; seed <= 20; seed += 1) {
      const short = `${hostileText(seed, 40)}${'word '.repeat(max)}`;
      expect(short.length).toBeLessThanOrEqual(UNITS_PER_RUNE * (max + 1));
      const expected = write(short);
      expect(expected.endsWith('…')).toBe(true);
      for (const tail of [hostileText(seed + 1, 10), 'x'.repeat(100_000), hostileText(seed + 2, 5_000)])
        expect(write(short + tail)).toBe(expected);
    }
  });

  it('reads a bounded head only: what lies past it never changes the answer, and the cut shows', () => {
    const head = `start${' '.repeat(UNITS_PER_RUNE * (max + 1))}`;
    const answers = new Set([write(head), write(`${head}end`), write(`${head}${'@all '.repeat(1_000)}`)]);
    expect([...answers]).toEqual(['start…']);
  });

  it('costs what the field holds, not what the sender wrote', () => {
    const started = performance.now();
    const lengths = HUGE.map((text) => Array.from(write(text)).length);
    // Each takes well under a millisecond now; collapsing the whole input first took seconds.
    expect(performance.now() - started).toBeLessThan(1_000);
    for (const length of lengths) expect(length).toBeLessThanOrEqual(3 * max);
  });
});
