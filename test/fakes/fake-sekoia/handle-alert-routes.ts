import { allowedActions, applyWorkflow } from './apply-workflow.ts';
import type { FakeAlert } from './fake-alert.ts';
import {
  type ApiRequest,
  type ApiResponse,
  errorResponse,
  type FakeContext,
  isRecord,
  nowSeconds,
  type WorkflowGetRefusal,
} from './fake-context.ts';
import { parseSearchTime } from './parse-search-time.ts';
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

/**
 * `GET /v1/sic/alerts` with `limit`/`offset`, comma-OR `match[…]`, `date[created_at|updated_at]`
 * (`start,end`: ISO-8601, `now` or relative like `-7d`), `range[urgency]` (`min,max`), and `sort` /
 * `direction` (reference §5.3). Any other parameter is refused: whoever needs one teaches it to the fake.
 */
export function listAlerts(context: FakeContext, request: ApiRequest): ApiResponse {
  const { query } = request;
  for (const name of query.keys()) {
    if (!LIST_PARAMS.has(name) && !/^match\[\w+\]$/.test(name)) {
      return errorResponse(400, `Unsupported parameter ${name}`);
    }
  }
  const page = readPageParams(query, { maxLimit: MAX_LIMIT, defaultLimit: MAX_LIMIT });
  if (!isPageParams(page)) return page;
  const match = parseMatch(context, query);
  if (typeof match === 'string') return errorResponse(400, match);
  const narrowed = narrowAlerts(context, query);
  if (typeof narrowed === 'string') return errorResponse(400, narrowed);
  const sort = query.get('sort') ?? 'created_at';
  const direction = query.get('direction') ?? 'desc';
  if (sort !== 'created_at' && sort !== 'updated_at') return errorResponse(400, `Unsupported sort ${sort}`);
  if (direction !== 'asc' && direction !== 'desc') return errorResponse(400, `direction must be asc or desc`);
  const sign = direction === 'asc' ? 1 : -1;
  // Ties by uuid, so that paging through alerts of one second neither repeats nor skips one.
  const sorted = context.store
    .list(match)
    .filter(narrowed)
    .sort((a, b) => sign * (a[sort] - b[sort]) || (a.uuid < b.uuid ? -1 : a.uuid > b.uuid ? 1 : 0));
  return pageOf(sorted, page);
}

const LIST_PARAMS = new Set([
  'limit',
  'offset',
  'date[created_at]',
  'date[updated_at]',
  'range[urgency]',
  'sort',
  'direction',
  'with_count',
  'stix',
]);

/** The `date[…]` and `range[urgency]` filters as one predicate, or the 400 message. */
function narrowAlerts(
  context: FakeContext,
  query: URLSearchParams,
): ((alert: FakeAlert) => boolean) | string {
  const tests: ((alert: FakeAlert) => boolean)[] = [];
  for (const field of ['created_at', 'updated_at'] as const) {
    const raw = query.get(`date[${field}]`);
    if (raw === null) continue;
    const [start, end, ...more] = raw.split(',');
    const now = context.clock.now();
    const from = start === undefined ? undefined : parseSearchTime(start, now);
    const to = end === undefined ? undefined : parseSearchTime(end, now);
    if (from === undefined || to === undefined || more.length > 0) return `date[${field}] must be start,end`;
    tests.push((alert) => alert[field] * 1000 >= from && alert[field] * 1000 <= to);
  }
  const urgency = query.get('range[urgency]');
  if (urgency !== null) {
    const bounds = /^(\d{1,3}),(\d{1,3})$/.exec(urgency);
    if (bounds === null) return 'range[urgency] must be min,max';
    const [min, max] = [Number(bounds[1]), Number(bounds[2])];
    tests.push((alert) => alert.urgency.current_value >= min && alert.urgency.current_value <= max);
  }
  return (alert) => tests.every((test) => test(alert));
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
