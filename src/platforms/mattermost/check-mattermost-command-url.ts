import type { CheckOutcome, DoctorCheck, DoctorContext } from '../../doctor/doctor-check.ts';
import { judgeSlashCommands, type ListedCommand } from './judge-slash-commands.ts';
import { listTeamCommands } from './list-team-commands.ts';
import { type BotTeam, readBotTeams } from './read-bot-teams.ts';
import { unexpectedAnswer } from './unexpected-answer.ts';

/** The route create-mattermost-platform.ts serves the slash command on, under PUBLIC_URL. */
export function commandRouteUrl(publicUrl: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/mattermost/command`;
}

// The server-settings check reads EnableCommands too and fails with the fix: this one need not fail again.
const DISABLED: CheckOutcome = {
  state: 'skip',
  detail: 'not tried: custom slash commands are disabled on the server (501, see Server settings)',
};

const byHand = (expected: string) =>
  `By hand, in each team: Integrations > Slash Commands, /sekoia: its Request URL must be ${expected} and its token listed in MATTERMOST_COMMAND_TOKENS.`;

async function listAll(context: DoctorContext, joined: readonly BotTeam[]) {
  const commands: ListedCommand[] = [];
  const listed: string[] = [];
  const forbidden: string[] = [];
  for (const team of joined) {
    const result = await listTeamCommands(context, team);
    if (result.kind === 'disabled') return { outcome: DISABLED };
    if (result.kind === 'unexpected')
      return { outcome: unexpectedAnswer(result.reply, 'GET /api/v4/commands') };
    if (result.kind === 'forbidden') forbidden.push(team.name);
    else {
      listed.push(team.name);
      commands.push(...result.commands);
    }
  }
  return { commands, listed, forbidden };
}

/** 5. Each team's /sekoia sends to PUBLIC_URL's command route with a token the bot accepts. */
export const checkMattermostCommandUrl: DoctorCheck = {
  id: 'mattermost.command-url',
  group: 'Mattermost',
  title: 'Slash command URL',
  async run(context) {
    const memberships = await readBotTeams(context);
    if (!memberships.ok) return { state: 'skip', detail: "not tried: the bot's teams could not be read" };
    if (memberships.joined.length === 0) return { state: 'skip', detail: 'not tried: the bot is in no team' };
    const expected = commandRouteUrl(context.config.PUBLIC_URL);
    const all = await listAll(context, memberships.joined);
    if ('outcome' in all) return all.outcome;
    const { username } = memberships.account;
    const verdict = judgeSlashCommands({
      commands: all.commands,
      listedTeams: all.listed,
      tokens: context.config.MATTERMOST_COMMAND_TOKENS,
      expectedUrl: expected,
    });
    if (verdict.problems.length > 0)
      return { state: 'fail', detail: verdict.problems.join('; '), fix: verdict.fixes.join(' ') };
    const notes = [
      ...(all.forbidden.length > 0 && all.listed.length > 0
        ? [`@${username} may not list the commands of ${all.forbidden.join(', ')}`]
        : []),
      ...verdict.notes,
    ];
    if (verdict.good.length > 0) {
      const detail = `/sekoia in ${verdict.good.join(', ')} sends to ${expected}`;
      return { state: 'ok', detail: [detail, ...notes].join('; ') };
    }
    const why =
      all.listed.length === 0
        ? `@${username} may not list slash commands (its roles lack manage_own_slash_commands), so their Request URL cannot be read from here`
        : `no /sekoia command among the ones @${username} may list (without manage_others_slash_commands it sees only its own)`;
    return { state: 'skip', detail: why, fix: byHand(expected) };
  },
};
