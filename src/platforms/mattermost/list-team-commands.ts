import { z } from 'zod';
import type { DoctorContext } from '../../doctor/doctor-check.ts';
import { type ApiReply, fetchMattermostApi } from './fetch-mattermost-api.ts';
import type { ListedCommand } from './judge-slash-commands.ts';
import type { BotTeam } from './read-bot-teams.ts';

const commandsSchema = z.array(
  z.object({ trigger: z.string().max(128), token: z.string().max(64), url: z.string().max(1024) }),
);

export type TeamCommands =
  | { kind: 'listed'; commands: ListedCommand[] }
  /** 403: the bot lacks manage_own_slash_commands in the team. */
  | { kind: 'forbidden' }
  /** 501: custom slash commands are off (`ServiceSettings.EnableCommands`). */
  | { kind: 'disabled' }
  | { kind: 'unexpected'; reply: ApiReply };

/**
 * A team's custom commands, in full (URL and token), as `GET /commands?custom_only=true` gives them
 * (server/channels/api4/command.go listCommands): 403 without manage_own_slash_commands, and only
 * the bot's own commands without manage_others_slash_commands. Without custom_only the answer is
 * sanitized (no URL, no token: model/command.go Sanitize), so it could not tell anything here.
 */
export async function listTeamCommands(context: DoctorContext, team: BotTeam): Promise<TeamCommands> {
  const query = new URLSearchParams({ team_id: team.id, custom_only: 'true' });
  const reply = await fetchMattermostApi(context, `commands?${query.toString()}`);
  if (reply.kind !== 'answer') return { kind: 'unexpected', reply };
  if (reply.status === 403) return { kind: 'forbidden' };
  if (reply.status === 501) return { kind: 'disabled' };
  const parsed = commandsSchema.safeParse(reply.body);
  if (reply.status !== 200 || !parsed.success) return { kind: 'unexpected', reply };
  return { kind: 'listed', commands: parsed.data.map((command) => ({ team: team.name, ...command })) };
}
