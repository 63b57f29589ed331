import { type ApiAnswer, type ApiRequest, answer, fail, param } from './api-route.ts';
import { type FakeContext, hasRole } from './fake-context.ts';
import { schemeOf } from './handle-channel-routes.ts';
import { mmError } from './mattermost-error.ts';

/** A member of a team: a team admin, or a member of one of its channels (Mattermost joins the team first). */
function isTeamMember(context: FakeContext, teamId: string, userId: string): boolean {
  if (context.teams.get(teamId)?.admins.includes(userId)) return true;
  return [...context.channels.values()].some(
    (channel) => channel.teamId === teamId && channel.members.has(userId),
  );
}

/** `GET /teams/{team_id}/members/{user_id}`: a TeamMember, `scheme_admin` for team admins (reference §6.4). */
export function handleGetTeamMember(context: FakeContext, request: ApiRequest): ApiAnswer {
  const teamId = param(request, 'teamId');
  const team = context.teams.get(teamId);
  if (team === undefined)
    return fail(mmError(404, 'app.team.get.find.app_error', 'Unable to find the existing team.'));
  const requested = param(request, 'userId');
  const userId = requested === 'me' ? context.botUserId : requested;
  if (userId !== context.botUserId && !isTeamMember(context, teamId, userId))
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
