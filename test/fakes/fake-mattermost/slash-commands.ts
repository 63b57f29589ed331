import type { FakeContext } from './fake-context.ts';
import type { FakeCommand } from './fake-model.ts';

/** A few of the server's built-in commands (server/channels/app/slashcommands/): no id, no URL, no token. */
const BUILT_IN_TRIGGERS = ['away', 'echo', 'help', 'invite', 'join', 'leave', 'me', 'msg', 'shrug'];

/** A Command as the API sends it (server/public/model/command.go); `sanitized` as `Command.Sanitize()`. */
export function commandJson(command: FakeCommand, sanitized: boolean): Record<string, unknown> {
  return {
    id: command.id,
    token: sanitized ? '' : command.token,
    create_at: command.createAt,
    update_at: command.createAt,
    delete_at: 0,
    creator_id: sanitized ? '' : command.creatorId,
    team_id: command.teamId,
    trigger: command.trigger,
    method: sanitized ? '' : command.method,
    username: '',
    icon_url: '',
    auto_complete: command.autoComplete,
    auto_complete_desc: '',
    auto_complete_hint: '',
    display_name: command.trigger,
    description: '',
    url: sanitized ? '' : command.url,
    plugin_id: '',
  };
}

/** The built-in commands, sanitized, as `ListAutocompleteCommands` adds them. */
export function builtInCommandsJson(): Record<string, unknown>[] {
  return BUILT_IN_TRIGGERS.map((trigger) =>
    commandJson(
      {
        id: '',
        teamId: '',
        trigger,
        token: '',
        url: '',
        method: 'P',
        creatorId: '',
        autoComplete: true,
        createAt: 0,
      },
      true,
    ),
  );
}

export function teamCommands(context: FakeContext, teamId: string): FakeCommand[] {
  return [...context.commands.values()].filter((command) => command.teamId === teamId);
}

/** The token of the team's `/sekoia` command, which the fake sends when it runs the command. */
export function sekoiaCommandToken(context: FakeContext, teamId: string): string {
  const command = teamCommands(context, teamId).find((candidate) => candidate.trigger === 'sekoia');
  if (command === undefined) throw new Error(`fake Mattermost has no /sekoia command in team ${teamId}`);
  return command.token;
}
