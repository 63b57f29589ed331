import { describe, expect, it } from 'vitest';
import { cutInput, UNITS_PER_RUNE } from '../../../src/platforms/shared/cut-input.ts';

describe('cutInput', () => {
  it('keeps a text that fits the window of 8 units per rune and one more', () => {
    const fits = 'x'.repeat(UNITS_PER_RUNE * 11);
    expect(cutInput(fits, 10)).toEqual({ head: fits, cut: false });
    expect(cutInput('', 0)).toEqual({ head: '', cut: false });
  });

  it('cuts a longer text at the window and says so', () => {
    const { head, cut } = cutInput('x'.repeat(1_000_000), 10);
    expect([head.length, cut]).toEqual([UNITS_PER_RUNE * 11, true]);
  });

  it('never splits a surrogate pair', () => {
    const text = `${'x'.repeat(UNITS_PER_RUNE * 11 - 1)}😀tail`;
    expect(cutInput(text, 10)).toEqual({ head: 'x'.repeat(UNITS_PER_RUNE * 11 - 1), cut: true });
  });

  it('keeps everything without a bound', () => {
    const text = 'x'.repeat(100_000);
    expect(cutInput(text, Number.POSITIVE_INFINITY)).toEqual({ head: text, cut: false });
  });
});
