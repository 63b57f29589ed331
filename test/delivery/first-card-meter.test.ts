import { describe, expect, it } from 'vitest';
import { createFirstCardMeter } from '../../src/delivery/create-first-card-meter.ts';

describe('first card meter', () => {
  it('counts a quiet channel’s first cards as first, a storm’s next ones not, and forgets after the window', () => {
    const meter = createFirstCardMeter({ windowMs: 10_000, allowance: 2 });
    expect([0, 1, 2, 3].map((at) => meter.admit('storm', at))).toEqual([true, true, false, false]);
    expect(meter.admit('quiet', 4)).toBe(true);
    // Still busy: the storm's cards keep its window full.
    expect(meter.admit('storm', 9_000)).toBe(false);
    expect(meter.admit('storm', 19_001)).toBe(true);
  });
});
