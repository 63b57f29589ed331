import { describe, expect, it } from 'vitest';
import { suggestTightening } from '../../src/preview/suggest-tightening.ts';
import { prepareFacts } from '../../src/rules/prepare-facts.ts';

const alerts = (count: number, urgency: number) =>
  Array.from({ length: count }, () => prepareFacts({ trigger: 'alert-raised', urgency }));

describe('suggestTightening: above 50 cards a day, the urgency floor that cuts it', () => {
  it('says nothing at 50 a day or less', () => {
    expect(suggestTightening(alerts(350, 90))).toBeUndefined();
  });

  it('suggests the lowest floor that brings it under 50 a day, with the figure it gives', () => {
    // 7 days: 400 low, 84 medium, 0 high → 69/day; with urgency>=medium 12/day.
    expect(suggestTightening([...alerts(400, 20), ...alerts(84, 60)])).toEqual({
      condition: 'urgency>=medium',
      perDay: 12,
    });
  });

  it('goes up to urgency>=high when medium is not enough', () => {
    expect(suggestTightening([...alerts(100, 20), ...alerts(400, 60), ...alerts(70, 90)])).toEqual({
      condition: 'urgency>=high',
      perDay: 10,
    });
  });

  it('suggests the lowest floor that helps most when none is enough, and none when none helps', () => {
    expect(suggestTightening([...alerts(100, 20), ...alerts(400, 80)])).toEqual({
      condition: 'urgency>=medium',
      perDay: 57,
    });
    expect(suggestTightening([...alerts(100, 20), ...alerts(200, 60), ...alerts(300, 80)])).toEqual({
      condition: 'urgency>=high',
      perDay: 43,
    });
    expect(suggestTightening(alerts(400, 80))).toBeUndefined();
  });
});
