import { type ConnectorContext, channelMembers } from './connector-context.ts';
import { botNotInRoster, memberNotFound } from './connector-error.ts';
import type { FakeTeamsUser } from './connector-model.ts';
import { answer, type ConnectorAnswer, type ConnectorRequest, fail, param } from './connector-route.ts';
import { resolveConversation } from './resolve-conversation.ts';

/** A `TeamsChannelAccount` as the member APIs return it (reference teams.md §3.4). */
function toTeamsChannelAccount(context: ConnectorContext, user: FakeTeamsUser): Record<string, unknown> {
  const [givenName = '', ...rest] = user.name.split(' ');
  return {
    id: user.id,
    name: user.name,
    aadObjectId: user.aadObjectId,
    givenName,
    surname: rest.join(' '),
    email: user.userPrincipalName,
    userPrincipalName: user.userPrincipalName,
    tenantId: user.tenantId ?? context.tenantId,
    userRole: user.userRole,
  };
}

function rosterOf(context: ConnectorContext, request: ConnectorRequest): FakeTeamsUser[] | ConnectorAnswer {
  const resolved = resolveConversation(context, param(request, 'conversationId'));
  if ('error' in resolved) return fail(resolved.error);
  const { target } = resolved;
  // A team id is its General channel's: asking it lists the team; a private or shared channel lists its own.
  const ids = target.type === 'channel' ? channelMembers(target.team, target.channelId) : target.chat.members;
  return ids.flatMap((id) => context.users.get(id) ?? []);
}

/** `GET v3/conversations/{id}/members` (deprecated by TeamsInfo, still served). */
export function handleGetMembers(context: ConnectorContext, request: ConnectorRequest): ConnectorAnswer {
  const roster = rosterOf(context, request);
  if (!Array.isArray(roster)) return roster;
  return answer(
    200,
    roster.map((user) => toTeamsChannelAccount(context, user)),
  );
}

/** `GET …/pagedmembers?pageSize&continuationToken`; the token is the next offset. */
export function handleGetPagedMembers(context: ConnectorContext, request: ConnectorRequest): ConnectorAnswer {
  const roster = rosterOf(context, request);
  if (!Array.isArray(roster)) return roster;
  const pageSize = Math.max(1, Number(request.query.get('pageSize')) || 200);
  const start = Number(request.query.get('continuationToken')) || 0;
  const members = roster.slice(start, start + pageSize).map((user) => toTeamsChannelAccount(context, user));
  const next = start + pageSize < roster.length ? { continuationToken: String(start + pageSize) } : {};
  return answer(200, { members, ...next });
}

/** `GET …/members/{memberId}`, by `29:` id or AAD object id. */
export function handleGetMember(context: ConnectorContext, request: ConnectorRequest): ConnectorAnswer {
  const roster = rosterOf(context, request);
  if (!Array.isArray(roster)) return roster;
  const memberId = param(request, 'memberId');
  const user = roster.find((each) => each.id === memberId || each.aadObjectId === memberId);
  return user === undefined ? fail(memberNotFound()) : answer(200, toTeamsChannelAccount(context, user));
}

/** `GET v3/teams/{teamId}/conversations`: the team's channels, General first. */
export function handleGetTeamChannels(context: ConnectorContext, request: ConnectorRequest): ConnectorAnswer {
  const team = context.teams.get(param(request, 'teamId'));
  if (team === undefined || !team.botInstalled) return fail(botNotInRoster());
  return answer(200, { conversations: team.channels.map(({ id, name }) => ({ id, name })) });
}

/** `GET v3/teams/{teamId}`: `{ id, name, aadGroupId }`. */
export function handleGetTeamDetails(context: ConnectorContext, request: ConnectorRequest): ConnectorAnswer {
  const team = context.teams.get(param(request, 'teamId'));
  if (team === undefined || !team.botInstalled) return fail(botNotInRoster());
  return answer(200, { id: team.id, name: team.name, aadGroupId: team.aadGroupId });
}
