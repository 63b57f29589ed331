import type { DoctorCheck } from '../../doctor/doctor-check.ts';
import { isLoopbackUrl } from '../../http/is-loopback-url.ts';
import { TEAMS_GROUP } from './check-teams-credentials.ts';
import { readTeamsCredentials } from './read-teams-credentials.ts';

const CONFIGURATION = "the Azure Bot's Settings → Configuration → Messaging endpoint";

/**
 * `PUBLIC_URL/api/messages` as the Bot Framework service must call it: over HTTPS (the Azure Bot
 * refuses another endpoint, microsoft/botframework-sdk#6188 "not recognized as valid HTTPS URL";
 * Azure Policy "Bot Service endpoint should be a valid HTTPS URI"; manifests/teams/README.md §1) and
 * from the Internet (so not this machine's loopback). The endpoint the Azure Bot really holds cannot
 * be read from here: that needs Azure management rights, so the operator compares it by hand.
 */
export function checkTeamsEndpoint(): DoctorCheck {
  return {
    id: 'teams.endpoint',
    group: TEAMS_GROUP,
    title: 'Messaging endpoint the Bot Framework service calls',
    async run({ config }) {
      if (readTeamsCredentials(config).kind === 'local') {
        return { state: 'skip', detail: 'local mode (no MicrosoftAppId): Teams does not call the bot' };
      }
      const endpoint = `${config.PUBLIC_URL}/api/messages`;
      const fix = `Put the bot behind TLS (a reverse proxy or load balancer with a certificate) on a public name, set PUBLIC_URL to that https:// URL, and enter the same URL + /api/messages in ${CONFIGURATION}.`;
      if (new URL(endpoint).protocol !== 'https:') {
        return {
          state: 'fail',
          detail: `${endpoint} is not HTTPS: the Azure Bot accepts only an https:// messaging endpoint`,
          fix,
        };
      }
      if (isLoopbackUrl(endpoint)) {
        return {
          state: 'fail',
          detail: `${endpoint} names this machine: the Bot Framework service calls it from the Internet`,
          fix,
        };
      }
      return {
        state: 'ok',
        detail: `${endpoint}; the doctor cannot read the Azure Bot's own setting (it needs Azure management rights): check ${CONFIGURATION} shows this URL`,
      };
    },
  };
}
