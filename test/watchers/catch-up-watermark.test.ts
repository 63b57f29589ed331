import { describe, expect, it } from 'vitest';
import {
  advanceWatermark,
  isBehindWatermark,
  listingStart,
  watermarkAt,
} from '../../src/watchers/catch-up-watermark.ts';
import { decideCatchUp } from '../../src/watchers/decide-catch-up.ts';
import { listedAlert, stateObservedAt } from './catch-up-alerts.ts';

describe('catch-up watermark', () => {
  it('starts at the second of the first run and moves with the alerts listed oldest first', () => {
    const start = watermarkAt(1_000_500);
    expect(start).toEqual({ at: 1_000, recent: [] });
    expect(listingStart(start)).toBe(940_000);
    const a = listedAlert(1, 1_000);
    const b = listedAlert(2, 1_000);
    const c = listedAlert(3, 1_070);
    const afterA = advanceWatermark(start, a);
    expect(afterA).toEqual({ at: 1_000, recent: [{ uuid: a.uuid, at: 1_000 }] });
    const afterB = advanceWatermark(afterA, b);
    expect(afterB.recent).toHaveLength(2);
    expect(advanceWatermark(afterB, b)).toEqual(afterB);
    // The overlap follows the mark: versions older than a minute before it are forgotten.
    expect(advanceWatermark(afterB, c)).toEqual({ at: 1_070, recent: [{ uuid: c.uuid, at: 1_070 }] });
    // An older alert (listed in the overlap) is remembered, the mark stays.
    const late = listedAlert(4, 990);
    expect(advanceWatermark(afterB, late)).toEqual({
      at: 1_000,
      recent: [...afterB.recent, { uuid: late.uuid, at: 990 }],
    });
  });

  it('skips the versions an earlier run listed, not a later version of the same alert', () => {
    const mark = advanceWatermark(watermarkAt(1_000_000), listedAlert(1, 1_000));
    expect(isBehindWatermark(mark, listedAlert(1, 1_000))).toBe(true);
    expect(isBehindWatermark(mark, listedAlert(2, 1_000))).toBe(false);
    expect(isBehindWatermark(mark, listedAlert(1, 1_001))).toBe(false);
  });
});

describe('whether the bot has seen an alert at its listed version', () => {
  const alert = listedAlert(1, 1_000);

  it('is new when the bot never read it', () => {
    expect(decideCatchUp(undefined, alert)).toBe('new');
  });

  it('is seen when the newest read started after the second of its updated_at', () => {
    expect(decideCatchUp(stateObservedAt(alert.uuid, 1_001_000), alert)).toBe('seen');
    expect(decideCatchUp(stateObservedAt(alert.uuid, 1_060_000), alert)).toBe('seen');
  });

  it('is changed when the read is older, or in the same second (it may predate the update)', () => {
    expect(decideCatchUp(stateObservedAt(alert.uuid, 990_000), alert)).toBe('changed');
    expect(decideCatchUp(stateObservedAt(alert.uuid, 1_000_999), alert)).toBe('changed');
  });
});
