import type { SekoiaAlert } from '../sekoia/alert-schema.ts';
import type { ListAlertsInput, TimeSpan } from '../sekoia/list-alerts-query.ts';
import type { SekoiaApi } from '../sekoia/sekoia-api.ts';
import type { PushedFilters } from './push-preview-filters.ts';

/** The listing's largest page (reference sekoia-api §5.3: 1–100). */
const PAGE_SIZE = 100;

export interface PreviewBounds {
  /** Pages read at most (20 × 100 = 2,000 alerts by default). */
  maxPages: number;
  /** Time the reading may take, in ms; a page started before the end is kept. */
  budgetMs: number;
}

export const DEFAULT_PREVIEW_BOUNDS: PreviewBounds = { maxPages: 20, budgetMs: 10_000 };

export interface ReadPreviewAlertsInput {
  sekoia: Pick<SekoiaApi, 'listAlerts'>;
  filters: PushedFilters;
  /** Which date the window applies to: creation for new alerts, last update for updates. */
  field: 'created_at' | 'updated_at';
  span: Required<TimeSpan>;
  bounds: PreviewBounds;
  now: () => number;
}

/** Why the reading stopped before the last page: the figures are then lower bounds. */
export type PreviewCut = 'pages' | 'time';

export interface PreviewAlerts {
  alerts: SekoiaAlert[];
  /** Items of the listing that were not readable alerts (left out of the figures). */
  unreadable: number;
  cut?: PreviewCut;
}

/**
 * The window's alerts, newest first, page after page at the pacer's background priority (buttons
 * and cards go first), until a short page, the page bound or the time budget. The window's end is
 * fixed, so that alerts raised meanwhile do not shift the offsets; an alert seen twice (moved by
 * an update while paging) is counted once.
 */
export async function readPreviewAlerts(input: ReadPreviewAlertsInput): Promise<PreviewAlerts> {
  const { filters, bounds, now } = input;
  const started = now();
  const seen = new Map<string, SekoiaAlert>();
  let unreadable = 0;
  for (let page = 0; page < bounds.maxPages; page++) {
    if (page > 0 && now() - started >= bounds.budgetMs) return result(seen, unreadable, 'time');
    const query: ListAlertsInput = {
      limit: PAGE_SIZE,
      offset: page * PAGE_SIZE,
      ...(Object.keys(filters.match).length > 0 && { match: filters.match }),
      ...(filters.urgency && { urgency: filters.urgency }),
      ...(input.field === 'created_at' ? { created: input.span } : { updated: input.span }),
      sort: input.field,
      direction: 'desc',
    };
    const read = await input.sekoia.listAlerts(query, { priority: 'background' });
    for (const alert of read.items) if (!seen.has(alert.uuid)) seen.set(alert.uuid, alert);
    unreadable += read.unreadable;
    const last = read.size < PAGE_SIZE || (read.total !== undefined && (page + 1) * PAGE_SIZE >= read.total);
    if (last) return result(seen, unreadable, undefined);
  }
  return result(seen, unreadable, 'pages');
}

function result(seen: Map<string, SekoiaAlert>, unreadable: number, cut: PreviewCut | undefined) {
  return { alerts: [...seen.values()], unreadable, ...(cut && { cut }) };
}
