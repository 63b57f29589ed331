import { describe, expect, it } from 'vitest';
import { toOneLine } from '../../../src/platforms/shared/to-one-line.ts';

describe('toOneLine', () => {
  it('collapses every whitespace run, line breaks included, and trims both ends', () => {
    expect(toOneLine(' \t a \r\n\n b\u00a0\u2028c \u3000')).toBe('a b c');
  });

  it('drops control and bidi-override characters, and the spaces they separated', () => {
    expect(toOneLine('a\u0000b\u001b[31m \u202e \u2066c\u0085d\u200e\ufeff')).toBe('ab[31m cd');
  });

  it('keeps every other character, astral ones too', () => {
    expect(toOneLine('@all [x](y) 😀 é')).toBe('@all [x](y) 😀 é');
  });

  it('stops reading once it holds more than `limit` runes, so that a truncate still marks the cut', () => {
    expect(toOneLine('a b c d e f', 3)).toBe('a b c');
    expect(toOneLine(`${'x'.repeat(10)}${'\n'.repeat(1_000_000)}y`, 5)).toBe('xxxxxx');
    expect(toOneLine('abc', 3)).toBe('abc');
  });

  it('counts lone surrogates that pair up once the character between them is dropped as one rune', () => {
    expect(toOneLine('ab\ud83d\u0000\ude00c', 3)).toBe('ab😀c');
  });
});
