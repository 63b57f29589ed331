import type { DoctorCheck } from '../../doctor/doctor-check.ts';
import { checkMattermostAccount } from './check-mattermost-account.ts';
import { checkMattermostChannels } from './check-mattermost-channels.ts';
import { checkMattermostCommandTokens } from './check-mattermost-command-tokens.ts';
import { checkMattermostCommandUrl } from './check-mattermost-command-url.ts';
import { checkMattermostTeams } from './check-mattermost-teams.ts';

/** `npm run doctor`'s Mattermost checklist, in the order an administrator fixes things (README steps 2–4). */
export const MATTERMOST_DOCTOR_CHECKS: readonly DoctorCheck[] = [
  checkMattermostAccount,
  checkMattermostTeams,
  checkMattermostChannels,
  checkMattermostCommandTokens,
  checkMattermostCommandUrl,
];
