import { describe, expect, it } from 'vitest';
import { admitCard, admittedIn, emptyWindow, roomAt } from '../../src/delivery/budget-window.ts';

const budget = { budget: 3, windowMs: 300_000 };

describe('budget window (sliding, per channel)', () => {
  const admitAll = (count: number, start: number, step: number, ownCard = false) => {
    let window = emptyWindow();
    const verdicts: boolean[] = [];
    for (let i = 0; i < count; i += 1) {
      const result = admitCard(window, { now: start + i * step, budget, uuid: `a${i}`, ownCard });
      window = result.window;
      verdicts.push(result.admitted);
    }
    return { window, verdicts };
  };

  it('admits the budget, then refuses until the oldest card leaves the window', () => {
    const { window, verdicts } = admitAll(5, 0, 1_000);
    expect(verdicts).toEqual([true, true, true, false, false]);
    expect(roomAt(window, 5_000, budget)).toBe(300_000);
    expect(admitCard(window, { now: 299_999, budget, uuid: 'x', ownCard: false }).admitted).toBe(false);
    const later = admitCard(window, { now: 300_000, budget, uuid: 'x', ownCard: false });
    expect(later.admitted).toBe(true);
    expect(later.window.cards.map((c) => c.uuid)).toEqual(['a1', 'a2', 'x']);
  });

  it('admits urgent alerts over budget, and counts them', () => {
    const { window } = admitAll(3, 0, 1);
    const urgent = admitCard(window, { now: 10, budget, uuid: 'hi', ownCard: true });
    expect(urgent.admitted).toBe(true);
    expect(urgent.window.cards).toHaveLength(4);
    // Four in the window: room again once two have left.
    expect(roomAt(urgent.window, 10, budget)).toBe(1 + 300_000);
  });

  it('remembers which alerts got their card in the window', () => {
    const { window } = admitAll(2, 0, 1);
    expect(admittedIn(window, 'a1')).toBe(true);
    expect(admittedIn(window, 'a9')).toBe(false);
    expect(roomAt(window, 2, budget)).toBeUndefined();
  });
});
