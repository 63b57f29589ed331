import { describe, expect, it } from 'vitest';
import { pushPreviewFilters } from '../../src/preview/push-preview-filters.ts';
import { readPreviewAlerts } from '../../src/preview/read-preview-alerts.ts';
import { alertSchema } from '../../src/sekoia/alert-schema.ts';
import type { ListAlertsInput } from '../../src/sekoia/list-alerts-query.ts';
import type { RequestOptions, SekoiaApi } from '../../src/sekoia/sekoia-api.ts';
import { buildAlert } from '../fakes/fake-sekoia/index.ts';

const alertNumber = (n: number) =>
  alertSchema.parse(buildAlert({ uuid: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}` }));

/** The listing's paging over `count` alerts (a page is `limit` items from `offset`), recording each ask. */
function listing(
  count: number,
  options: { total?: boolean; msPerPage?: number; clock?: { at: number } } = {},
) {
  const asked: { input: ListAlertsInput; options: RequestOptions | undefined }[] = [];
  const sekoia: Pick<SekoiaApi, 'listAlerts'> = {
    async listAlerts(input, requestOptions) {
      asked.push({ input, options: requestOptions });
      if (options.clock) options.clock.at += options.msPerPage ?? 0;
      const from = input.offset ?? 0;
      const items = Array.from({ length: Math.max(0, Math.min(input.limit, count - from)) }, (_, i) =>
        alertNumber(from + i),
      );
      return { items, unreadable: 0, size: items.length, ...(options.total && { total: count }) };
    },
  };
  return { sekoia, asked };
}

const span = { from: 0, to: 1_000 };
const filters = pushPreviewFilters([]);
const bounds = { maxPages: 3, budgetMs: 10_000 };

describe('readPreviewAlerts: paged, paced behind cards, bounded in pages and in time', () => {
  it('reads pages of 100 at background priority until a short page, newest first in the window', async () => {
    const { sekoia, asked } = listing(250);
    const read = await readPreviewAlerts({
      sekoia,
      filters,
      field: 'created_at',
      span,
      bounds,
      now: () => 0,
    });
    expect(read.alerts).toHaveLength(250);
    expect(read.cut).toBeUndefined();
    expect(asked.map((a) => a.input.offset)).toEqual([0, 100, 200]);
    expect(asked[0]?.input).toMatchObject({
      limit: 100,
      created: span,
      sort: 'created_at',
      direction: 'desc',
    });
    expect(asked.every((a) => a.options?.priority === 'background')).toBe(true);
  });

  it('stops at the page bound and says so, unless the total says the last page was read', async () => {
    const cut = await readPreviewAlerts({
      ...listing(1_000),
      filters,
      field: 'updated_at',
      span,
      bounds,
      now: () => 0,
    });
    expect(cut.alerts).toHaveLength(300);
    expect(cut.cut).toBe('pages');
    const exact = listing(300, { total: true });
    const whole = await readPreviewAlerts({
      ...exact,
      filters,
      field: 'updated_at',
      span,
      bounds,
      now: () => 0,
    });
    expect(whole.cut).toBeUndefined();
    expect(exact.asked[0]?.input).toMatchObject({ updated: span, sort: 'updated_at' });
  });

  it('stops when the time budget is spent, keeping the pages read', async () => {
    const clock = { at: 0 };
    const { sekoia, asked } = listing(1_000, { clock, msPerPage: 6_000 });
    const read = await readPreviewAlerts({
      sekoia,
      filters,
      field: 'created_at',
      span,
      bounds: { maxPages: 20, budgetMs: 10_000 },
      now: () => clock.at,
    });
    expect(asked).toHaveLength(2);
    expect(read.alerts).toHaveLength(200);
    expect(read.cut).toBe('time');
  });
});
