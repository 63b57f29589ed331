import type { TokenRequest } from './answer-token-request.ts';
import { type EntraAnswer, entraError } from './entra-error.ts';

/**
 * The client-credentials parameters of a token request, or Entra ID's answer to the first one that
 * is missing or wrong, in the order Entra ID reports them.
 */
export function readTokenForm(
  request: Pick<TokenRequest, 'contentType' | 'body'>,
  now: number,
): EntraAnswer | { clientId: string; secret: string } {
  const refuse = (status: number, error: string, code: number, message: string) =>
    entraError(status, error, code, message, now);
  // Only a form body is read: JSON, even labelled as a form, leaves every parameter missing
  // (microsoft-graph-docs-contrib#1369: a JSON body answered 900144 'grant_type').
  const isForm = /^application\/x-www-form-urlencoded\b/i.test(request.contentType ?? '');
  const form = new URLSearchParams(isForm ? request.body : '');
  const missing = (name: string) =>
    refuse(
      400,
      'invalid_request',
      900144,
      `The request body must contain the following parameter: '${name}'.`,
    );
  const grantType = form.get('grant_type');
  if (!grantType) return missing('grant_type'); // MicrosoftDocs/azure-docs#43780
  if (grantType !== 'client_credentials') {
    // The fake serves this one grant; Entra's answer to others it does not support is 70003
    // unsupported_grant_type (AzureAD/microsoft-authentication-library-for-dotnet#3023).
    return refuse(
      400,
      'unsupported_grant_type',
      70003,
      `The app requested an unsupported grant type '${grantType}'.`,
    );
  }
  const clientId = form.get('client_id');
  if (!clientId) return missing('client_id'); // fredgis/FabricAtlas#3
  const scope = form.get('scope');
  if (!scope) {
    // ctron/oidc-cli#7: "The required field 'scope' is missing from the credential".
    return refuse(
      400,
      'invalid_request',
      90014,
      "The required field 'scope' is missing from the credential. Ensure that you have all the necessary parameters for the login request.",
    );
  }
  if (!scope.endsWith('/.default')) {
    return refuse(
      400,
      'invalid_scope',
      1002012,
      `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
    ); // microsoftgraph/msgraph-sdk-python#181
  }
  const secret = form.get('client_secret');
  if (!secret) {
    // 401 invalid_client, as for every client authentication failure (haystackeditor/haystack-editor#41).
    return refuse(
      401,
      'invalid_client',
      7000218,
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
    );
  }
  return { clientId, secret };
}
