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

/**
 * What the Teams credentials amount to, as botbuilder's ConfigurationServiceClientCredentialFactory
 * reads them. Its constructor throws (and the bot cannot start) where loadConfig lets a mistake
 * through: UserAssignedMSI with a password or without a tenant (botbuilder-core 4.23.3
 * `configurationServiceClientCredentialFactory.js`, the `assert.ok` of the MSI case).
 */
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
  if (config.MicrosoftAppType === 'UserAssignedMSI') {
    if (secret) {
      return {
        kind: 'incomplete',
        detail:
          'MicrosoftAppPassword is set with MicrosoftAppType=UserAssignedMSI: botbuilder refuses to start',
        fix: 'Unset MicrosoftAppPassword: a managed identity has no client secret.',
      };
    }
    if (!tenant) {
      return {
        kind: 'incomplete',
        detail: 'MicrosoftAppTenantId is missing: botbuilder requires it for UserAssignedMSI',
        fix: "Set MicrosoftAppTenantId to the App Tenant ID shown in the Azure Bot's Settings → Configuration.",
      };
    }
    return { kind: 'managedIdentity', appId, tenant };
  }
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
