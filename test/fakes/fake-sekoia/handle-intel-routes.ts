import { type ApiRequest, type ApiResponse, errorResponse, type FakeContext } from './fake-context.ts';

/**
 * `GET /v2/inthreat/reports/{uuid}` and `…/content-proposals/{uuid}` answer `{"data": …}` (reference §4).
 * Both serve the same stored report under the same UUID: which one a `content-proposal` WebHook points
 * at is undocumented (§10.2), so the bot may read either.
 */
function readReport(context: FakeContext, request: ApiRequest, what: string): ApiResponse {
  const report = context.reports.get(request.params.uuid ?? '');
  if (report === undefined) return errorResponse(404, `${what} not found`);
  return { status: 200, body: { data: structuredClone(report) } };
}

export const getReport = (context: FakeContext, request: ApiRequest) =>
  readReport(context, request, 'Report');

export const getContentProposal = (context: FakeContext, request: ApiRequest) =>
  readReport(context, request, 'Content proposal');
