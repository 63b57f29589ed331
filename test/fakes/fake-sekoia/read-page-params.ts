import { type ApiResponse, errorResponse } from './fake-context.ts';

export interface PageParams {
  limit: number;
  offset: number;
}

function parseIntParam(query: URLSearchParams, name: string, fallback: number): number | undefined {
  const raw = query.get(name);
  if (raw === null) return fallback;
  return /^\d+$/.test(raw) ? Number(raw) : undefined;
}

/** `limit` (1…max, default `defaultLimit`) and `offset` (from 0), or the 400 Sekoia.io would answer. */
export function readPageParams(
  query: URLSearchParams,
  bounds: { maxLimit: number; defaultLimit: number },
): PageParams | ApiResponse {
  const limit = parseIntParam(query, 'limit', bounds.defaultLimit);
  const offset = parseIntParam(query, 'offset', 0);
  if (limit === undefined || limit < 1 || limit > bounds.maxLimit) {
    return errorResponse(400, `limit must be 1 to ${bounds.maxLimit}`);
  }
  if (offset === undefined) return errorResponse(400, 'offset must be a non-negative integer');
  return { limit, offset };
}

export function isPageParams(value: PageParams | ApiResponse): value is PageParams {
  return 'limit' in value;
}

/** `{"items", "total", "has_more"}` for one page of `all` (reference §11), items copied. */
export function pageOf<Item>(all: readonly Item[], page: PageParams): ApiResponse {
  const items = all.slice(page.offset, page.offset + page.limit).map((item) => structuredClone(item));
  return {
    status: 200,
    body: { items, total: all.length, has_more: page.offset + items.length < all.length },
  };
}
