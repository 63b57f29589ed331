import type { ApiKeyRing, FakeApiKey } from './api-keys.ts';
import { type ApiResponse, errorResponse, type FakeContext, nowSeconds, type Route } from './fake-context.ts';
import { getAlert, getWorkflow, listAlerts, patchWorkflow } from './handle-alert-routes.ts';
import { getAsset } from './handle-asset-routes.ts';
import { getCatalogRule, listCatalogRules } from './handle-catalog-routes.ts';
import { getComment, listComments, postComment } from './handle-comment-routes.ts';
import { getIntake, listIntakes } from './handle-intake-routes.ts';
import { getContentProposal, getReport } from './handle-intel-routes.ts';
import { createSearchJob, getSearchJob, listSearchJobEvents } from './handle-search-job-routes.ts';
import { patchAlert } from './patch-alert.ts';

/** The API surface the fake serves, with the permission each route needs (reference §4). */
export const FAKE_ROUTES: readonly Route[] = [
  {
    method: 'GET',
    pattern: 'v1/me',
    handle: (_context, { caller }) => ({ status: 200, body: me(caller) }),
  },
  {
    method: 'GET',
    pattern: 'v1/auth/validate',
    handle: (context, { caller }) => ({
      status: 200,
      body: { identity: `apikey:${caller.uuid}`, type: 'apikey', iat: nowSeconds(context.clock) },
    }),
  },
  { method: 'GET', pattern: 'v1/sic/alerts', permission: 'SIC_READ_ALERTS', handle: listAlerts },
  { method: 'GET', pattern: 'v1/sic/alerts/:id', permission: 'SIC_READ_ALERTS', handle: getAlert },
  { method: 'PATCH', pattern: 'v1/sic/alerts/:id', permission: 'SIC_WRITE_ALERTS', handle: patchAlert },
  {
    method: 'GET',
    pattern: 'v1/sic/alerts/:id/workflow',
    permission: 'SIC_READ_ALERTS',
    handle: getWorkflow,
  },
  {
    method: 'PATCH',
    pattern: 'v1/sic/alerts/:id/workflow',
    permission: 'SIC_WRITE_ALERTS_WORKFLOW',
    handle: patchWorkflow,
  },
  {
    method: 'GET',
    pattern: 'v1/sic/alerts/:id/comments',
    permission: 'SIC_READ_ALERTS',
    handle: listComments,
  },
  {
    method: 'POST',
    pattern: 'v1/sic/alerts/:id/comments',
    permission: 'SIC_WRITE_ALERTS_COMMENTS',
    handle: postComment,
  },
  {
    method: 'GET',
    pattern: 'v1/sic/alerts/:id/comments/:commentId',
    permission: 'SIC_READ_ALERTS',
    handle: getComment,
  },
  // Reference §4: the tutorial's SIC_READ_CONF for the catalog; search jobs need SIC_READ_INTAKES.
  {
    method: 'GET',
    pattern: 'v1/sic/conf/rules-catalog/rules',
    permission: 'SIC_READ_CONF',
    handle: listCatalogRules,
  },
  {
    method: 'GET',
    pattern: 'v1/sic/conf/rules-catalog/rules/:uuid',
    permission: 'SIC_READ_CONF',
    handle: getCatalogRule,
  },
  { method: 'GET', pattern: 'v1/sic/conf/intakes', permission: 'SIC_READ_INTAKES', handle: listIntakes },
  { method: 'GET', pattern: 'v1/sic/conf/intakes/:uuid', permission: 'SIC_READ_INTAKES', handle: getIntake },
  {
    method: 'POST',
    pattern: 'v1/sic/conf/events/search/jobs',
    permission: 'SIC_READ_INTAKES',
    handle: createSearchJob,
  },
  {
    method: 'GET',
    pattern: 'v1/sic/conf/events/search/jobs/:uuid',
    permission: 'SIC_READ_INTAKES',
    handle: getSearchJob,
  },
  {
    method: 'GET',
    pattern: 'v1/sic/conf/events/search/jobs/:uuid/events',
    permission: 'SIC_READ_INTAKES',
    handle: listSearchJobEvents,
  },
  {
    method: 'GET',
    pattern: 'v2/inthreat/content-proposals/:uuid',
    permission: 'INTHREAT_READ_CONTENT_PROPOSALS',
    handle: getContentProposal,
  },
  {
    method: 'GET',
    pattern: 'v2/inthreat/reports/:uuid',
    permission: 'INTHREAT_READ_OBJECTS',
    handle: getReport,
  },
  // Reference §4 and SEKOIA-IO/automation-library Sekoia.io/sekoiaio/operation_center/__init__.py (ReturnsAssetV2).
  {
    method: 'GET',
    pattern: 'v2/asset-management/assets/:uuid',
    permission: 'ASSETMANAGEMENT_VIEW_ASSET',
    handle: getAsset,
  },
];

/** Per key: each key answers with its own owner (reference §2: `uuid`, `email`, …). */
function me(caller: FakeApiKey): Record<string, unknown> {
  return { uuid: caller.uuid, type: 'apikey', email: caller.email, name: caller.name };
}

function matchPattern(pattern: string, segments: readonly string[]): Record<string, string> | undefined {
  const parts = pattern.split('/');
  if (parts.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of parts.entries()) {
    const segment = segments[index] ?? '';
    if (part.startsWith(':')) params[part.slice(1)] = segment;
    else if (part !== segment) return undefined;
  }
  return params;
}

export interface IncomingApiRequest {
  method: string;
  segments: readonly string[];
  query: URLSearchParams;
  body: unknown;
  authorization: string | undefined;
}

/** Authenticates, finds the route, checks its permission and runs it: 401, then 404/405, then 403. */
export function routeApiRequest(
  context: FakeContext,
  keys: ApiKeyRing,
  request: IncomingApiRequest,
): ApiResponse {
  const auth = keys.authenticate(request.authorization);
  if (!auth.ok) return { status: 401, body: auth.body };
  const candidates = FAKE_ROUTES.map((route) => ({
    route,
    params: matchPattern(route.pattern, request.segments),
  }));
  const onPath = candidates.filter((candidate) => candidate.params !== undefined);
  if (onPath.length === 0) return errorResponse(404, 'Not found');
  const found = onPath.find((candidate) => candidate.route.method === request.method);
  if (found === undefined || found.params === undefined) return errorResponse(405, 'Method not allowed');
  const { permission } = found.route;
  if (permission !== undefined && !auth.key.permissions.has(permission)) {
    return errorResponse(403, `The API key lacks the permission ${permission}`);
  }
  return found.route.handle(context, { ...request, caller: auth.key, params: found.params });
}
