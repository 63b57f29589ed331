import { type ApiAnswer, type ApiRequest, answer, fail } from './api-route.ts';
import { botHasTeamPermission, botViewsTeam, type FakeContext } from './fake-context.ts';
import { invalidBodyParam, mmError, permissionDenied } from './mattermost-error.ts';
import { builtInCommandsJson, commandJson, teamCommands } from './slash-commands.ts';

/** Go's strconv.ParseBool, which listCommands reads `custom_only` with (an error counts as false). */
function parseGoBool(text: string | null): boolean {
  return ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text ?? '');
}

const commandsDisabled = () =>
  mmError(501, 'api.command.disabled.app_error', 'Commands have been disabled by the system admin.');

/**
 * `GET /commands?team_id=…&custom_only=…` as server/channels/api4/command.go `listCommands` and
 * server/channels/app/command.go answer it: team_id required (400), view_team (403); custom_only
 * needs manage_own_slash_commands (403) and commands enabled (501), and answers the team's custom
 * commands in full, only the caller's own without manage_others_slash_commands. Without custom_only,
 * a caller without manage_own_slash_commands gets the autocomplete list (`ListAutocompleteCommands`),
 * one with it every command (`ListAllCommandsByUser`); both sanitized (`Command.Sanitize()`: no
 * token, URL, method or creator).
 */
export function handleListCommands(context: FakeContext, request: ApiRequest): ApiAnswer {
  const teamId = request.query.get('team_id') ?? '';
  if (teamId === '') return fail(invalidBodyParam('team_id'));
  if (!botViewsTeam(context, teamId)) return fail(permissionDenied());
  const managesOwn = botHasTeamPermission(context, 'manage_own_slash_commands');
  const managesOthers = botHasTeamPermission(context, 'manage_others_slash_commands');
  const custom = teamCommands(context, teamId);
  const visible = managesOthers
    ? custom
    : custom.filter((command) => command.creatorId === context.botUserId);
  if (parseGoBool(request.query.get('custom_only'))) {
    if (!managesOwn) return fail(permissionDenied());
    if (!context.enableCommands) return fail(commandsDisabled());
    return answer(
      200,
      visible.map((command) => commandJson(command, false)),
    );
  }
  const listed = managesOwn ? visible : custom.filter((command) => command.autoComplete);
  return answer(200, [
    ...builtInCommandsJson(),
    ...(context.enableCommands ? listed.map((command) => commandJson(command, true)) : []),
  ]);
}
