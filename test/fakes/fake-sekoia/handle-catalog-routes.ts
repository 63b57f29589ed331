import { type ApiRequest, type ApiResponse, errorResponse, type FakeContext } from './fake-context.ts';
import { isPageParams, pageOf, readPageParams } from './read-page-params.ts';
import { rejectUnsupportedParams } from './reject-unsupported-params.ts';

const LIST_BOUNDS = { maxLimit: 100, defaultLimit: 100 };

/** `GET /v1/sic/conf/rules-catalog/rules?limit&offset`, oldest rule first (reference §10.1). */
export function listCatalogRules(context: FakeContext, request: ApiRequest): ApiResponse {
  const unsupported = rejectUnsupportedParams(request.query);
  if (unsupported !== undefined) return unsupported;
  const page = readPageParams(request.query, LIST_BOUNDS);
  return isPageParams(page) ? pageOf(context.catalog, page) : page;
}

export function getCatalogRule(context: FakeContext, request: ApiRequest): ApiResponse {
  const rule = context.catalog.find((entry) => entry.uuid === request.params.uuid);
  return rule === undefined
    ? errorResponse(404, 'Rule not found')
    : { status: 200, body: structuredClone(rule) };
}
