import { type EntraAnswer, entraError } from './entra-error.ts';
import type { FakeEntraApp, FakeEntraTenant } from './fake-entra-model.ts';
import { findTenant, refuseTenant, servesApp } from './find-tenant.ts';
import { readTokenForm } from './read-token-form.ts';

export interface TokenRequest {
  /** The `{tenant}` segment of `/{tenant}/oauth2/v2.0/token`, decoded. */
  tenant: string;
  contentType: string | undefined;
  body: string;
}

export interface FakeEntraDirectory {
  tenants: readonly FakeEntraTenant[];
  apps: readonly FakeEntraApp[];
  now(): number;
  /** A new opaque access token (the fake keeps none). */
  issueToken(): string;
}

/**
 * Entra ID's v2.0 token endpoint for the client-credentials grant, in the order its errors show up.
 * Each answer is the real one for that mistake (status, `error`, AADSTS code and message), see the
 * sources beside each rule; a right request gets 200 `{token_type: 'Bearer', expires_in, ext_expires_in,
 * access_token}` (Learn "Microsoft identity platform and the OAuth 2.0 client credentials flow").
 */
export function answerTokenRequest(directory: FakeEntraDirectory, request: TokenRequest): EntraAnswer {
  const now = directory.now();
  const refuse = (status: number, error: string, code: number, message: string) =>
    entraError(status, error, code, message, now);

  const tenant = findTenant(directory.tenants, request.tenant);
  if (!tenant) return refuseTenant(request.tenant, now);

  const form = readTokenForm(request, now);
  if ('status' in form) return form;
  const { clientId, secret } = form;

  const app = directory.apps.find((candidate) => candidate.appId.toLowerCase() === clientId.toLowerCase());
  if (!app || !servesApp(directory.tenants, tenant, app)) {
    // OfficeDev/Microsoft-Teams-Samples#214 (400 unauthorized_client, directory 'Bot Framework'),
    // microsoft/botframework-sdk#6525 (a bot configured MultiTenant whose app is single-tenant).
    return refuse(
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${tenant.displayName}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
    );
  }
  const presented = app.secrets.find((candidate) => candidate.value === secret);
  if (!presented) {
    // OfficeDev/microsoft-365-agents-toolkit#8621, Azure/sap-automation#418 (401 invalid_client).
    return refuse(
      401,
      'invalid_client',
      7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${app.appId}'.`,
    );
  }
  if (now >= presented.expiresAt) {
    // liprec/vsts-release-aas#119, dotnet/sign#849 (401 invalid_client).
    return refuse(
      401,
      'invalid_client',
      7000222,
      `The provided client secret keys for app '${app.appId}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.`,
    );
  }
  return {
    status: 200,
    body: {
      token_type: 'Bearer',
      expires_in: 3599,
      ext_expires_in: 3599,
      access_token: directory.issueToken(),
    },
  };
}
