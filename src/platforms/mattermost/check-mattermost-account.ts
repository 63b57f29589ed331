import type { DoctorCheck } from '../../doctor/doctor-check.ts';
import { mattermostBase } from './fetch-mattermost-api.ts';
import { readBotAccount } from './read-bot-account.ts';

/**
 * 1. The server answers at MATTERMOST_URL and the token is valid (`GET /users/me`). A person's
 * personal access token passes with a note rather than failing: everything works with it, but cards
 * are posted under that person's name, without the BOT tag, and stop when the person leaves.
 */
export const checkMattermostAccount: DoctorCheck = {
  id: 'mattermost.account',
  group: 'Mattermost',
  title: 'Server and bot token',
  async run(context) {
    const result = await readBotAccount(context);
    if (!result.ok) return result.outcome;
    const { username, isBot } = result.account;
    const server = mattermostBase(context);
    if (isBot) return { state: 'ok', detail: `@${username}, a bot account, on ${server}` };
    return {
      state: 'ok',
      detail: `@${username} on ${server} is a person's account, not a bot: it works, but cards are posted as that person (no BOT tag) and stop if the account is deactivated; a bot account is better (Integrations > Bot Accounts)`,
    };
  },
};
