import { describe, expect, it } from 'vitest';
import { boundLine } from '../../../src/platforms/shared/bound-line.ts';
import { UNITS_PER_RUNE } from '../../../src/platforms/shared/cut-input.ts';

/** Control and bidi characters that are not whitespace (whitespace collapses to a space instead). */
function isHidden(rune: string): boolean {
  const code = rune.codePointAt(0) ?? 0;
  const control = code < 0x20 || (code >= 0x7f && code <= 0x9f);
  const bidi = [0x200e, 0x200f, 0xfeff].includes(code) || (code >= 0x202a && code <= 0x202e);
  return !/^\s$/u.test(rune) && (control || bidi || (code >= 0x2066 && code <= 0x2069));
}

/** Collapse, then cut: the escapers' first step as it was written before it read a bounded head only. */
function collapseThenCut(text: string, max: number): string {
  const line = Array.from(text)
    .filter((rune) => !isHidden(rune))
    .join('')
    .replace(/\s+/gu, ' ')
    .trim();
  const runes = Array.from(line);
  return runes.length > max ? `${runes.slice(0, Math.max(0, max - 1)).join('')}…` : line;
}

const PIECES = [
  'word',
  ' ',
  '  \t ',
  '\n',
  '\r\n\r\n',
  '\u0000',
  '\u202e',
  '😀',
  'é',
  '\ud83d',
  '\ude00',
  '@',
  '—',
];

function randomText(seed: number, pieces: number): string {
  let state = seed;
  let text = '';
  for (let i = 0; i < pieces; i += 1) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    text += PIECES[state % PIECES.length];
  }
  return text;
}

describe('boundLine', () => {
  it('is collapse-then-cut for texts of any length whose head holds the field', () => {
    const compared = { whole: 0, head: 0 };
    for (let seed = 1; seed <= 400; seed += 1) {
      const max = seed % 40;
      const text = randomText(seed, seed % 3 === 0 ? 2_000 : seed % 60);
      const head = text.slice(0, UNITS_PER_RUNE * (max + 1));
      const headHoldsField = Array.from(collapseThenCut(head, Number.POSITIVE_INFINITY)).length > max + 1;
      if (text.length !== head.length && !headHoldsField) continue;
      compared[text.length === head.length ? 'whole' : 'head'] += 1;
      expect(boundLine(text, max), JSON.stringify({ seed, max })).toBe(collapseThenCut(text, max));
    }
    expect(compared.whole).toBeGreaterThan(100);
    expect(compared.head).toBeGreaterThan(100);
  });

  it('cuts where the head ends, with the ellipsis, when the head is mostly whitespace', () => {
    const spaces = ' '.repeat(UNITS_PER_RUNE * 11);
    expect(boundLine(`a${spaces}b`, 10)).toBe('a…');
    expect(boundLine(`a${spaces}`, 10)).toBe('a…');
    expect(boundLine(`${'\u0000'.repeat(1_000)}abc`, 10)).toBe('…');
  });

  it('counts lone surrogates that pair up once a hidden character between them is gone as one rune', () => {
    expect(boundLine('ab\ud83d\u0000\ude00c', 3)).toBe('ab…');
    expect(boundLine('ab\ud83d\u0000\ude00', 3)).toBe('ab😀');
  });
});
