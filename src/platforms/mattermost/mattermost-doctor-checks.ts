import type { DoctorCheck } from '../../doctor/doctor-check.ts';
import { checkMattermostAccount } from './check-mattermost-account.ts';
import { checkMattermostChannels } from './check-mattermost-channels.ts';
import { checkMattermostCommandTokens } from './check-mattermost-command-tokens.ts';
import { checkMattermostCommandUrl } from './check-mattermost-command-url.ts';
import { checkMattermostServerSettings } from './check-mattermost-server-settings.ts';
import { checkMattermostTeams } from './check-mattermost-teams.ts';

/** `npm run doctor`'s Mattermost checklist: the bot's account and memberships, /sekoia, then the server's settings. */
export const MATTERMOST_DOCTOR_CHECKS: readonly DoctorCheck[] = [
  checkMattermostAccount,
  checkMattermostTeams,
  checkMattermostChannels,
  checkMattermostCommandTokens,
  checkMattermostCommandUrl,
  checkMattermostServerSettings,
];
