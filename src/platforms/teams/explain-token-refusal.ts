import type { CheckOutcome } from '../../doctor/doctor-check.ts';
import { TEAMS_GUIDE } from './read-teams-credentials.ts';

export interface TokenRefusal {
  status: number;
  error: string;
  code: number | undefined;
  description: string;
}

export interface TokenAttempt {
  appType: 'MultiTenant' | 'SingleTenant';
  appId: string;
  tenant: string;
  /** Quoted nowhere: a description that repeats it is masked. */
  secret: string;
}

const CONFIGURATION = "the Azure Bot's Settings → Configuration";

/**
 * Entra ID's refusal of the bot's client-credentials request, turned into what to change. The codes
 * and their bodies (`{error, error_description, error_codes, …}`) as Entra ID answers them:
 * 7000215 invalid_client 401 (OfficeDev/microsoft-365-agents-toolkit#8621, Azure/sap-automation#418),
 * 7000222 invalid_client 401 (liprec/vsts-release-aas#119), 700016 unauthorized_client 400 for an app
 * not in the tenant asked, 'Bot Framework' for botframework.com (OfficeDev/Microsoft-Teams-Samples#214,
 * microsoft/botframework-sdk#6525; a SingleTenant bot configured as MultiTenant, reference teams.md
 * §1.5 [S15]), 90002 invalid_request 400 for an unknown tenant (microsoft/azure-tools-for-java#4609),
 * 900023 invalid_request 400 for a malformed one (caddy-dns/azure#3). Branches on `error_codes`, the
 * structured field, never on the description.
 */
export function explainTokenRefusal(refusal: TokenRefusal, attempt: TokenAttempt): CheckOutcome {
  const aadsts = refusal.code === undefined ? refusal.error : `AADSTS${refusal.code}`;
  const said = (what: string): string =>
    `Entra ID refused the token: ${what} (${aadsts}, HTTP ${refusal.status})`;
  switch (refusal.code) {
    case 7000215:
      return fail(
        said('wrong client secret'),
        "MicrosoftAppPassword must be the client secret's Value (shown once, when it is created), not its Secret ID: in the app registration, Certificates & secrets, create a new client secret and copy its Value.",
      );
    case 7000222:
      return fail(
        said('the client secret has expired'),
        'In the app registration, Certificates & secrets, create a new client secret, set MicrosoftAppPassword to its Value and restart the bot.',
      );
    case 700016:
      return fail(said(`app ${attempt.appId} is not in tenant ${attempt.tenant}`), appNotFoundFix(attempt));
    case 90002:
    case 900023:
      return fail(
        said(`tenant ${attempt.tenant} does not exist`),
        `Set MicrosoftAppTenantId to the App Tenant ID shown in ${CONFIGURATION}.`,
      );
    default:
      return fail(
        said(`${refusal.error}: ${firstLine(refusal.description, attempt.secret)}`),
        `Compare MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppType and MicrosoftAppTenantId with ${CONFIGURATION} (${TEAMS_GUIDE} §1–2).`,
      );
  }
}

function appNotFoundFix(attempt: TokenAttempt): string {
  if (attempt.appType === 'MultiTenant') {
    return `MicrosoftAppType is MultiTenant (the default), so the token is asked of the Bot Framework tenant: a Single Tenant Azure Bot needs MicrosoftAppType=SingleTenant and MicrosoftAppTenantId set to its App Tenant ID. Otherwise MicrosoftAppId is not the Microsoft App ID shown in ${CONFIGURATION}.`;
  }
  return `MicrosoftAppId must be the Microsoft App ID and MicrosoftAppTenantId the App Tenant ID, both shown in ${CONFIGURATION}.`;
}

/** The description's first line (its trace and correlation ids follow), bounded, the secret masked. */
function firstLine(description: string, secret: string): string {
  const line = (description.split(/\r?\n/)[0] ?? '').trim();
  const masked = secret ? line.split(secret).join('***') : line;
  return masked.length > 300 ? `${masked.slice(0, 299)}…` : masked || '(no description)';
}

function fail(detail: string, fix: string): CheckOutcome {
  return { state: 'fail', detail, fix };
}
