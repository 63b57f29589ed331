import type { CheckOutcome, DoctorCheck, DoctorContext } from '../../doctor/doctor-check.ts';
import { TEAMS_GROUP } from './check-teams-credentials.ts';
import { BOT_FRAMEWORK_LOGIN_URL } from './create-connector-client.ts';
import { explainTokenRefusal } from './explain-token-refusal.ts';
import { readTeamsCredentials } from './read-teams-credentials.ts';
import { requestBotToken } from './request-bot-token.ts';

/**
 * Do the credentials obtain a Bot Framework token? The bot needs one for every post, reply and card
 * update (reference teams.md §1.5); without it Teams hears the bot but never sees an answer.
 * `loginUrl` is Entra ID's base, replaced by a fake one in tests.
 */
export function checkTeamsToken(options: { loginUrl?: string } = {}): DoctorCheck {
  const loginUrl = options.loginUrl ?? BOT_FRAMEWORK_LOGIN_URL;
  return {
    id: 'teams.token',
    group: TEAMS_GROUP,
    title: 'The credentials obtain a Bot Framework token',
    async run(context) {
      const credentials = readTeamsCredentials(context.config);
      switch (credentials.kind) {
        case 'local':
          return { state: 'skip', detail: 'local mode (no MicrosoftAppId): no token to obtain' };
        case 'incomplete':
          return { state: 'skip', detail: 'the Bot Framework credentials are incomplete (see above)' };
        case 'managedIdentity':
          // IMDS (169.254.169.254) is not tried: App Service and Container Apps serve managed
          // identities elsewhere (IDENTITY_ENDPOINT), and off Azure that address is another cloud's
          // metadata service.
          return {
            state: 'skip',
            detail:
              'UserAssignedMSI: the token comes from the managed identity endpoint of the Azure resource the bot runs on, reachable only there',
            fix: 'On that resource, Identity → User assigned must list the identity whose client ID is MicrosoftAppId; then `@Sekoia help` in a Teams channel: an answer proves the token.',
          };
        case 'secret':
          return tryToken(context, loginUrl, credentials);
      }
    },
  };
}

async function tryToken(
  context: DoctorContext,
  loginUrl: string,
  attempt: { appType: 'MultiTenant' | 'SingleTenant'; appId: string; secret: string; tenant: string },
): Promise<CheckOutcome> {
  const host = new URL(loginUrl).host;
  let answer: Awaited<ReturnType<typeof requestBotToken>>;
  try {
    answer = await requestBotToken(context.fetch, { loginUrl, ...attempt });
  } catch (error) {
    return {
      state: 'fail',
      detail: `Entra ID (${host}) could not be reached: ${describeFailure(error)}`,
      fix: `The bot needs outbound HTTPS to ${host} to post in Teams: check DNS, the firewall and any HTTPS proxy.`,
    };
  }
  switch (answer.kind) {
    case 'token':
      return {
        state: 'ok',
        detail: `Entra ID issued a token for app ${attempt.appId} (${attempt.appType}, tenant ${attempt.tenant})`,
      };
    case 'refused':
      return explainTokenRefusal(answer, attempt);
    case 'unexpected':
      // A 5xx or 429 says nothing about the credentials: try again later rather than fail them.
      if (answer.status >= 500 || answer.status === 429) {
        return {
          state: 'skip',
          detail: `Entra ID (${host}) answered ${answer.status}: the credentials could not be tried now`,
          fix: 'Run the doctor again in a few minutes.',
        };
      }
      return {
        state: 'fail',
        detail: `${host} answered ${answer.status} without a token or an Entra ID error`,
        fix: `Something between the bot and ${host} (an HTTPS proxy?) answers in its place: let the bot reach it directly.`,
      };
  }
}

/** fetch's rejection, one short line: `fetch failed (ECONNREFUSED)`, `The operation was aborted`. */
function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, 200);
  const cause = error.cause as { code?: unknown } | undefined;
  const code = typeof cause?.code === 'string' ? ` (${cause.code})` : '';
  return `${error.message}${code}`.slice(0, 200);
}
