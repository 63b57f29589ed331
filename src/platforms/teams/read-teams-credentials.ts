import type { Config } from '../../config/load-config.ts';

/** An Entra ID application (client) id, as the Azure Bot's Configuration page shows it. */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The tenant botbuilder asks for a MultiTenant bot's token: its configuration factory passes an
 * empty tenant for MultiTenant, which AppCredentials replaces with `DefaultChannelAuthTenant`
 * (botframework-connector 4.23.3 `appCredentials.js`, `authenticationConstants.js`).
 */
export const MULTI_TENANT_AUTHORITY = 'botframework.com';

export const TEAMS_GUIDE = 'manifests/teams/README.md';

export type TeamsCredentialsState =
  | { kind: 'local' }
  | { kind: 'incomplete'; detail: string; fix: string }
  | { kind: 'managedIdentity'; appId: string; tenant: string }
  | {
      kind: 'secret';
      appType: 'MultiTenant' | 'SingleTenant';
      appId: string;
      secret: string;
      tenant: string;
      /** MicrosoftAppTenantId is set but MultiTenant ignores it (the factory passes an empty tenant). */
      tenantIgnored: boolean;
    };

/** What the Teams credentials amount to, as botbuilder's ConfigurationServiceClientCredentialFactory reads them. */
export function readTeamsCredentials(config: Readonly<Config>): TeamsCredentialsState {
  const appId = config.MicrosoftAppId?.trim() ?? '';
  if (!appId) return { kind: 'local' };
  const tenant = config.MicrosoftAppTenantId?.trim() ?? '';
  const secret = config.MicrosoftAppPassword?.trim() ?? '';
  // The Teams app package needs it as a GUID too (scripts/teams-package.ts refuses anything else).
  if (!GUID.test(appId)) {
    return {
      kind: 'incomplete',
      detail: 'MicrosoftAppId is not a GUID',
      fix: `Set MicrosoftAppId to the Microsoft App ID shown in the Azure Bot's Settings → Configuration (${TEAMS_GUIDE} §1–2).`,
    };
  }
  // loadConfig has already refused a managed identity without a tenant or with a password, which
  // botbuilder's credential factory would refuse at start (config-schema.ts).
  if (config.MicrosoftAppType === 'UserAssignedMSI') return { kind: 'managedIdentity', appId, tenant };
  const appType = config.MicrosoftAppType;
  return {
    kind: 'secret',
    appType,
    appId,
    secret,
    tenant: appType === 'SingleTenant' ? tenant : MULTI_TENANT_AUTHORITY,
    tenantIgnored: appType === 'MultiTenant' && tenant !== '',
  };
}
