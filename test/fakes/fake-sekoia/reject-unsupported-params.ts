import { type ApiResponse, errorResponse } from './fake-context.ts';

/**
 * Filters and `page` exist on the real list routes (reference §4) but the fake serves only `limit` +
 * `offset` there: failing loudly tells whoever needs one to teach it to the fake.
 */
export function rejectUnsupportedParams(query: URLSearchParams): ApiResponse | undefined {
  for (const name of query.keys()) {
    if (name.startsWith('match[') || name === 'page')
      return errorResponse(400, `Unsupported parameter ${name}`);
  }
  return undefined;
}
