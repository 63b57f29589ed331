import { describe, expect, it } from 'vitest';
import { previewWindow, tallyPreview } from '../../src/preview/tally-preview.ts';

const NOW = Date.parse('2026-12-07T15:30:00Z');
const at = (iso: string) => Date.parse(iso);
const hit = (iso: string, entity?: string, rule?: string) => ({ at: at(iso), entity, rule });

describe('tallyPreview: per-day counts over the last 7 UTC days, busiest day, top 3', () => {
  it('spans 7 UTC days, today included up to now', () => {
    expect(previewWindow(NOW)).toEqual({ from: at('2026-12-01T00:00:00Z'), to: NOW });
  });

  it('counts each day, empty days included, oldest first', () => {
    const tally = tallyPreview(
      [
        hit('2026-12-01T00:00:00Z', 'Lyon HQ', 'R1'),
        hit('2026-12-03T23:59:59Z', 'Lyon HQ', 'R2'),
        hit('2026-12-03T10:00:00Z', 'Paris', 'R1'),
        hit('2026-12-07T15:00:00Z', 'Lyon HQ', 'R1'),
      ],
      previewWindow(NOW),
    );
    expect(tally.days).toEqual([
      { day: '2026-12-01', count: 1 },
      { day: '2026-12-02', count: 0 },
      { day: '2026-12-03', count: 2 },
      { day: '2026-12-04', count: 0 },
      { day: '2026-12-05', count: 0 },
      { day: '2026-12-06', count: 0 },
      { day: '2026-12-07', count: 1 },
    ]);
    expect(tally.total).toBe(4);
    expect(tally.perDay).toBe(1);
    expect(tally.busiest).toEqual({ day: '2026-12-03', count: 2 });
    expect(tally.topEntities).toEqual([
      { name: 'Lyon HQ', count: 3 },
      { name: 'Paris', count: 1 },
    ]);
    expect(tally.topRules).toEqual([
      { name: 'R1', count: 3 },
      { name: 'R2', count: 1 },
    ]);
  });

  it('keeps 3 names, most first then by name, and no busiest day when nothing matched', () => {
    const names = ['d', 'c', 'b', 'a', 'b', 'c', 'c'];
    const tally = tallyPreview(
      names.map((name) => hit('2026-12-05T08:00:00Z', name)),
      previewWindow(NOW),
    );
    expect(tally.topEntities).toEqual([
      { name: 'c', count: 3 },
      { name: 'b', count: 2 },
      { name: 'a', count: 1 },
    ]);
    expect(tally.topRules).toEqual([]);
    expect(tallyPreview([], previewWindow(NOW)).busiest).toBeUndefined();
  });
});
