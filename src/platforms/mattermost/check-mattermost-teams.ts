import type { DoctorCheck } from '../../doctor/doctor-check.ts';
import { readBotTeams } from './read-bot-teams.ts';

/** 2. The bot is in at least one team: outside every team it can post nowhere (reference §6.5). */
export const checkMattermostTeams: DoctorCheck = {
  id: 'mattermost.teams',
  group: 'Mattermost',
  title: 'Team membership',
  async run(context) {
    const result = await readBotTeams(context);
    if (!result.ok) return result.outcome;
    const { account, joined: teams } = result;
    if (teams.length === 0) {
      return {
        state: 'fail',
        detail: `@${account.username} is in no team: it can post in no channel`,
        fix: `Add @${account.username} to each team that uses the bot: System Console > User Management > Teams > (team) > Add Members (manifests/mattermost/README.md step 3).`,
      };
    }
    const names = teams.map((team) => team.name).join(', ');
    return { state: 'ok', detail: `@${account.username} is in ${teams.length} team(s): ${names}` };
  },
};
