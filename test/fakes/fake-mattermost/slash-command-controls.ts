import type { FakeContext } from './fake-context.ts';
import type { FakeCommand, FakeTeamPermission } from './fake-model.ts';
import { mustFindTeam } from './must-find.ts';
import { newId } from './new-id.ts';

export interface AddSlashCommandInput {
  /** Default the first team. */
  teamId?: string;
  /** Default `sekoia`. */
  trigger?: string;
  url: string;
  /** Default a new 26-character id, as the server makes (model/command.go PreSave). */
  token?: string;
  /** Default an administrator's id (not the bot's). */
  creatorId?: string;
  autoComplete?: boolean;
}

/** Test-side set-up of slash commands, team membership and the permissions listing them needs. */
export interface SlashCommandControls {
  addSlashCommand(input: AddSlashCommandInput): FakeCommand;
  /** An administrator edits a command (Integrations > Slash Commands > Edit) or regenerates its token. */
  updateSlashCommand(id: string, patch: { url?: string; token?: string }): void;
  slashCommands(teamId?: string): FakeCommand[];
  /** Adds the bot to a team or removes it (it is in every team at start). */
  setBotTeamMember(teamId: string, member: boolean): void;
  /** Gives the bot's role these team permissions (a plain member has neither). */
  grantBotTeamPermissions(...permissions: FakeTeamPermission[]): void;
  /** `ServiceSettings.EnableCommands` (true at start). */
  setEnableCommands(enabled: boolean): void;
}

export function createSlashCommandControls(context: FakeContext): SlashCommandControls {
  return {
    addSlashCommand(input) {
      const command: FakeCommand = {
        id: newId(),
        teamId: mustFindTeam(context, input.teamId ?? '').id,
        trigger: input.trigger ?? 'sekoia',
        token: input.token ?? newId(),
        url: input.url,
        method: 'P',
        creatorId: input.creatorId ?? newId(),
        autoComplete: input.autoComplete ?? true,
        createAt: context.clock.now(),
      };
      context.commands.set(command.id, command);
      return { ...command };
    },
    updateSlashCommand(id, patch) {
      const command = context.commands.get(id);
      if (command === undefined) throw new Error(`fake Mattermost has no command ${id}`);
      Object.assign(command, patch);
    },
    slashCommands: (teamId) =>
      [...context.commands.values()]
        .filter((command) => teamId === undefined || command.teamId === teamId)
        .map((command) => ({ ...command })),
    setBotTeamMember(teamId, member) {
      mustFindTeam(context, teamId).botMember = member;
    },
    grantBotTeamPermissions(...permissions) {
      for (const permission of permissions) context.botTeamPermissions.add(permission);
    },
    setEnableCommands(enabled) {
      context.enableCommands = enabled;
    },
  };
}
