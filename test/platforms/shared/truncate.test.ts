import { describe, expect, it } from 'vitest';
import { truncate } from '../../../src/platforms/shared/truncate.ts';

describe('truncate', () => {
  it.each([
    ['short', 'abc', 5, 'abc'],
    ['exact', 'abcde', 5, 'abcde'],
    ['long', 'abcdef', 5, 'abcd…'],
    ['astral runes count once', '𝔸𝔹ℂ𝔻𝔼𝔽', 4, '𝔸𝔹ℂ…'],
    ['one rune left', 'abc', 1, '…'],
    ['nothing left', 'abc', 0, '…'],
    ['empty', '', 0, ''],
  ])('%s', (_name, input, max, expected) => {
    expect(truncate(input, max)).toBe(expected);
  });
});
