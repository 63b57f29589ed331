import { allowedActions, applyWorkflow } from './apply-workflow.ts';
import {
  type ApiRequest,
  type ApiResponse,
  errorResponse,
  type FakeContext,
  isRecord,
  nowSeconds,
  type WorkflowGetRefusal,
} from './fake-context.ts';
import { isPageParams, pageOf, readPageParams } from './read-page-params.ts';

const ALERT_NOT_FOUND = errorResponse(404, 'Alert not found');
const MAX_LIMIT = 100;

function parseMatch(context: FakeContext, query: URLSearchParams): Map<string, string[]> | string {
  const match = new Map<string, string[]>();
  for (const [name, value] of query) {
    const field = /^match\[(\w+)\]$/.exec(name)?.[1];
    if (field === undefined) continue;
    // Failing loudly tells whoever uses a new filter to teach it to the fake.
    if (!context.store.isKnownFilter(field)) return `Unsupported filter match[${field}]`;
    match.set(field, value.split(','));
  }
  return match;
}

/** `GET /v1/sic/alerts` with `limit`/`offset` and comma-OR `match[…]` (reference §5.3). */
export function listAlerts(context: FakeContext, request: ApiRequest): ApiResponse {
  const page = readPageParams(request.query, { maxLimit: MAX_LIMIT, defaultLimit: MAX_LIMIT });
  if (!isPageParams(page)) return page;
  const match = parseMatch(context, request.query);
  if (typeof match === 'string') return errorResponse(400, match);
  return pageOf(context.store.list(match), page);
}

export function getAlert(context: FakeContext, request: ApiRequest): ApiResponse {
  const alert = context.store.find(request.params.id ?? '');
  return alert === undefined ? ALERT_NOT_FOUND : { status: 200, body: structuredClone(alert) };
}

const REFUSALS: Readonly<Record<WorkflowGetRefusal, string>> = {
  403: 'You are not allowed to perform this action',
  404: 'Not found',
  405: 'Method not allowed',
};

export function getWorkflow(context: FakeContext, request: ApiRequest): ApiResponse {
  const refusal = context.workflowGetRefusal;
  if (refusal !== undefined) return errorResponse(refusal, REFUSALS[refusal]);
  const alert = context.store.find(request.params.id ?? '');
  if (alert === undefined) return ALERT_NOT_FOUND;
  const actions = allowedActions(alert).map(({ id, name, description }) => ({ id, name, description }));
  return { status: 200, body: { actions } };
}

export function patchWorkflow(context: FakeContext, request: ApiRequest): ApiResponse {
  const alert = context.store.find(request.params.id ?? '');
  if (alert === undefined) return ALERT_NOT_FOUND;
  const body = request.body;
  if (!isRecord(body) || typeof body.action_uuid !== 'string') {
    return errorResponse(400, 'action_uuid: Missing data for required field.');
  }
  if (body.comment !== undefined && body.comment !== null && typeof body.comment !== 'string') {
    return errorResponse(400, 'comment: Not a valid string.');
  }
  const outcome = applyWorkflow(alert, {
    actionUuid: body.action_uuid,
    comment: typeof body.comment === 'string' ? body.comment : undefined,
    actorUuid: request.caller.uuid,
    nowS: nowSeconds(context.clock),
  });
  if (!outcome.ok) return errorResponse(outcome.status, outcome.message);
  context.webhooks.alertUpdated(alert, { status: alert.status.uuid, status_name: alert.status.name });
  // Recorded mocks answer `{}` (reference §4); the client must accept any 2xx.
  return { status: 200, body: {} };
}
