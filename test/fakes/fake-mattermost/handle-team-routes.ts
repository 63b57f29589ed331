import { type ApiAnswer, type ApiRequest, answer, fail, param } from './api-route.ts';
import { botViewsTeam, type FakeContext, hasRole } from './fake-context.ts';
import type { FakeTeam } from './fake-model.ts';
import { schemeOf } from './handle-channel-routes.ts';
import { mmError, permissionDenied } from './mattermost-error.ts';

/** A member of a team: a team admin, or a member of one of its channels (Mattermost joins the team first). */
function isTeamMember(context: FakeContext, teamId: string, userId: string): boolean {
  if (userId === context.botUserId) return context.teams.get(teamId)?.botMember ?? false;
  if (context.teams.get(teamId)?.admins.includes(userId)) return true;
  return [...context.channels.values()].some(
    (channel) => channel.teamId === teamId && channel.members.has(userId),
  );
}

/**
 * `GET /teams/{team_id}/members/{user_id}`: a TeamMember, `scheme_admin` for team admins (reference
 * §6.4); the caller needs view_team (server/channels/api4/team.go getTeamMember).
 */
export function handleGetTeamMember(context: FakeContext, request: ApiRequest): ApiAnswer {
  const teamId = param(request, 'teamId');
  const team = context.teams.get(teamId);
  if (team === undefined)
    return fail(mmError(404, 'app.team.get.find.app_error', 'Unable to find the existing team.'));
  if (!botViewsTeam(context, teamId)) return fail(permissionDenied());
  const requested = param(request, 'userId');
  const userId = requested === 'me' ? context.botUserId : requested;
  if (!isTeamMember(context, teamId, userId))
    return fail(mmError(404, 'app.team.get_member.missing.app_error', 'Unable to find the team member.'));
  const guest = hasRole(context.users.get(userId), 'system_guest');
  return answer(200, {
    team_id: teamId,
    user_id: userId,
    delete_at: 0,
    ...schemeOf(guest, team.admins.includes(userId), 'team'),
    explicit_roles: '',
  });
}

/** A Team as sent to a member (model/team.go, `Sanitize`: no email, no invite id). */
function teamJson(team: FakeTeam): Record<string, unknown> {
  return {
    id: team.id,
    create_at: 0,
    update_at: 0,
    delete_at: 0,
    display_name: team.name,
    name: team.name,
    description: '',
    email: '',
    type: 'O',
    company_name: '',
    allowed_domains: '',
    invite_id: '',
    allow_open_invite: false,
    scheme_id: null,
    group_constrained: null,
  };
}

/**
 * `GET /users/{user_id}/teams` (server/channels/api4/team.go getTeamsForUser): one's own teams, or
 * anyone's with manage_system; `[]` when in none.
 */
export function handleGetUserTeams(context: FakeContext, request: ApiRequest): ApiAnswer {
  const requested = param(request, 'userId');
  const userId = requested === 'me' ? context.botUserId : requested;
  const admin = hasRole(context.users.get(context.botUserId), 'system_admin');
  if (userId !== context.botUserId && !admin) return fail(permissionDenied());
  const teams = [...context.teams.values()].filter((team) => isTeamMember(context, team.id, userId));
  return answer(200, teams.map(teamJson));
}
