import type { DoctorCheck } from '../../doctor/doctor-check.ts';
import { readTeamsCredentials, TEAMS_GUIDE } from './read-teams-credentials.ts';

export const TEAMS_GROUP = 'Microsoft Teams';

/**
 * Are there Bot Framework credentials at all, and can botbuilder use them? With no MicrosoftAppId the
 * Teams endpoint runs unauthenticated (teams-platform.ts): a local emulator works, real Teams does not.
 */
export function checkTeamsCredentials(): DoctorCheck {
  return {
    id: 'teams.credentials',
    group: TEAMS_GROUP,
    title: 'Bot Framework credentials',
    async run({ config }) {
      const credentials = readTeamsCredentials(config);
      switch (credentials.kind) {
        case 'local':
          return {
            state: 'skip',
            detail:
              "local mode: only Microsoft 365 Agents Playground can talk to the bot; real Teams needs the Azure Bot's credentials",
            fix: `Register an Azure Bot and set MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppType and MicrosoftAppTenantId (${TEAMS_GUIDE} §1–2).`,
          };
        case 'incomplete':
          return { state: 'fail', detail: credentials.detail, fix: credentials.fix };
        case 'managedIdentity':
          return {
            state: 'ok',
            detail: `app ${credentials.appId}, UserAssignedMSI in tenant ${credentials.tenant}`,
          };
        case 'secret':
          return {
            state: 'ok',
            detail: `app ${credentials.appId}, ${credentials.appType}, client secret set${
              credentials.tenantIgnored ? ' (MicrosoftAppTenantId is not used with MultiTenant)' : ''
            }`,
          };
      }
    },
  };
}
