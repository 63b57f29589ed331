import { describe, expect, it } from 'vitest';
import { isWordRune, startsScheme } from '../../../src/platforms/shared/starts-scheme.ts';

/** The indexes of `text` (in runes) where an autolink scheme would start. */
function schemeColons(text: string): number[] {
  const runes = Array.from(text);
  return runes.flatMap((_rune, index) => (startsScheme(runes, index) ? [index] : []));
}

describe('startsScheme', () => {
  it('finds the colon of a scheme, in any script', () => {
    expect(schemeColons('http://a')).toEqual([4]);
    expect(schemeColons('tel:1 mailto:x')).toEqual([3, 12]);
    expect(schemeColons('é:é 9:x')).toEqual([1, 5]);
  });

  it('leaves a colon followed by a space, at either end, or after punctuation', () => {
    expect(schemeColons('Status: x')).toEqual([]);
    expect(schemeColons(':x a: -:x x:')).toEqual([]);
  });
});

describe('isWordRune', () => {
  it.each([
    ['a', true],
    ['é', true],
    ['7', true],
    ['𝔸', true],
    ['-', false],
    [' ', false],
    [undefined, false],
  ])('%s', (rune, expected) => {
    expect(isWordRune(rune)).toBe(expected);
  });
});
