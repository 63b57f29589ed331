import { type ApiAnswer, type ApiRequest, answer, fail } from './api-route.ts';
import { type FakeContext, hasRole } from './fake-context.ts';
import type { FakeGroup } from './fake-model.ts';
import { mmError } from './mattermost-error.ts';

// server/channels/web/params.go: per_page defaults to 60 and is capped at 200 (0 stays 0, which the
// store reads as "no limit"); a page that is not a number, or negative, is page 0.
const PER_PAGE_DEFAULT = 60;
const PER_PAGE_MAXIMUM = 200;

function perPageOf(query: URLSearchParams): number {
  const value = Number.parseInt(query.get('per_page') ?? '', 10);
  if (Number.isNaN(value) || value < 0) return PER_PAGE_DEFAULT;
  return Math.min(value, PER_PAGE_MAXIMUM);
}

function pageOf(query: URLSearchParams): number {
  const value = Number.parseInt(query.get('page') ?? '', 10);
  return Number.isNaN(value) || value < 0 ? 0 : value;
}

/** A group as the API answers it (model.Group's JSON: `name` omitted when null, `member_ids` null unless asked). */
export function groupJson(group: FakeGroup, includeMemberCount: boolean): Record<string, unknown> {
  return {
    id: group.id,
    ...(group.name === null ? {} : { name: group.name }),
    display_name: group.displayName,
    description: '',
    source: group.source,
    remote_id: group.source === 'ldap' ? `cn=${group.displayName}` : null,
    create_at: 0,
    update_at: 0,
    delete_at: group.deleteAt,
    has_syncables: false,
    ...(includeMemberCount ? { member_count: group.members.length } : {}),
    allow_reference: group.allowReference,
    member_ids: null,
  };
}

/** Whether a group passes the query's filters, as the SQL store applies them (group_store.go getGroupsQuery). */
function matches(group: FakeGroup, query: URLSearchParams, filterAllowReference: boolean): boolean {
  if (group.deleteAt !== 0) return false;
  if (filterAllowReference && !group.allowReference) return false;
  const member = query.get('filter_has_member') ?? '';
  if (member !== '' && !group.members.includes(member)) return false;
  const source = query.get('group_source') ?? '';
  if (source !== '' && group.source !== (source === 'custom' ? 'custom' : 'ldap')) return false;
  const q = (query.get('q') ?? '').toLowerCase();
  if (q === '') return true;
  return (group.name ?? '').toLowerCase().includes(q) || group.displayName.toLowerCase().includes(q);
}

/**
 * `GET /groups` (server/channels/api4/group.go getGroups): 501 without a licence; a caller without
 * sysconsole_read_user_management_groups (here: anyone but a system admin) sees only groups with
 * `allow_reference`; `filter_has_member` for a user the caller cannot see answers `[]`; ordered by
 * display name, then paged.
 */
export function handleGetGroups(context: FakeContext, request: ApiRequest): ApiAnswer {
  if (!context.licensed)
    return fail(mmError(501, 'api.license_error', 'Your license does not support this feature.'));
  const { query } = request;
  const caller = context.users.get(context.botUserId);
  const filterAllowReference =
    query.get('filter_allow_reference') === 'true' || !hasRole(caller, 'system_admin');
  const member = query.get('filter_has_member') ?? '';
  if (member !== '' && !context.users.has(member)) return answer(200, []);
  const perPage = perPageOf(query);
  const found = [...context.groups.values()]
    .filter((group) => matches(group, query, filterAllowReference))
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
  const page = perPage === 0 ? found : found.slice(pageOf(query) * perPage, (pageOf(query) + 1) * perPage);
  const withCount = query.get('include_member_count') === 'true';
  return answer(
    200,
    page.map((group) => groupJson(group, withCount)),
  );
}
