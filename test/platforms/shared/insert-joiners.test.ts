import { describe, expect, it } from 'vitest';
import { insertJoiners, WORD_JOINER } from '../../../src/platforms/shared/insert-joiners.ts';

const J = WORD_JOINER;

describe('insertJoiners', () => {
  it('puts a joiner before the runes the rule picks and after the listed runes, and changes nothing else', () => {
    const beforeColon = (runes: readonly string[], index: number) => runes[index] === ':';
    expect(
      insertJoiners('@all http://x [a](b) 😀', { before: beforeColon, after: new Set(['@', ']']) }),
    ).toBe(`@${J}all http${J}://x [a]${J}(b) 😀`);
  });

  it('leaves text without such runes as it is', () => {
    expect(insertJoiners('Suspicious PowerShell', { before: () => false, after: new Set(['@']) })).toBe(
      'Suspicious PowerShell',
    );
  });
});
