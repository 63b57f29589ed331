import { describe, expect, it } from 'vitest';
import { takeWithin } from '../../../src/platforms/shared/take-within.ts';

const render = (item: string) => `- ${item}`;
const size = (rendered: string) => rendered.length;

describe('takeWithin', () => {
  it('takes every item that fits, and says what the rest left', () => {
    expect(takeWithin(['a', 'b'], { render, size, budget: 10 })).toEqual({ taken: ['- a', '- b'], left: 4 });
  });

  it('ends with "… and N more", rendered like an item, in place of those that do not fit', () => {
    expect(takeWithin(['a', 'bbbb', 'c'], { render, size, budget: 6 })).toEqual({
      taken: ['- a', '- … and 2 more'],
      left: 3,
    });
  });

  it('takes nothing from nothing', () => {
    expect(takeWithin([], { render, size, budget: 0 })).toEqual({ taken: [], left: 0 });
  });
});
