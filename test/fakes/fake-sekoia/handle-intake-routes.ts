import { type ApiRequest, type ApiResponse, errorResponse, type FakeContext } from './fake-context.ts';
import { isPageParams, pageOf, readPageParams } from './read-page-params.ts';
import { rejectUnsupportedParams } from './reject-unsupported-params.ts';

const LIST_BOUNDS = { maxLimit: 100, defaultLimit: 100 };

/** `GET /v1/sic/conf/intakes?limit&offset` with the common list envelope (reference §4, §9). */
export function listIntakes(context: FakeContext, request: ApiRequest): ApiResponse {
  const unsupported = rejectUnsupportedParams(request.query);
  if (unsupported !== undefined) return unsupported;
  const page = readPageParams(request.query, LIST_BOUNDS);
  return isPageParams(page) ? pageOf(context.intakes.list(), page) : page;
}

export function getIntake(context: FakeContext, request: ApiRequest): ApiResponse {
  const intake = context.intakes.find(request.params.uuid ?? '');
  return intake === undefined
    ? errorResponse(404, 'Intake not found')
    : { status: 200, body: structuredClone(intake) };
}
