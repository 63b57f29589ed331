import { BOT_FRAMEWORK_SCOPE } from './create-connector-client.ts';

/** What Entra ID answered a client-credentials request: a token's lifetime, or its error body. */
export type BotTokenAnswer =
  | { kind: 'token'; expiresInS: number }
  | {
      kind: 'refused';
      status: number;
      /** The OAuth 2.0 `error` (`invalid_client`, `unauthorized_client`, `invalid_request`…). */
      error: string;
      /** `error_codes[0]`: the AADSTS number, without its prefix. */
      code: number | undefined;
      description: string;
    }
  | { kind: 'unexpected'; status: number };

/**
 * One OAuth 2.0 client-credentials request for a Bot Framework token, as botbuilder makes it through
 * MSAL (msal-node 2.16 `ClientCredentialClient.createTokenRequestBody`): a form-encoded POST to
 * `{login}/{tenant}/oauth2/v2.0/token` with client_id, scope `https://api.botframework.com/.default`
 * (botframework-connector `msalAppCredentials.js` appends `/.default`), grant_type and client_secret.
 * The token itself is dropped: the doctor only learns that one was issued. Rejects when Entra ID
 * cannot be reached (fetch's network error or deadline).
 */
export async function requestBotToken(
  fetchWithDeadline: (url: string, init?: RequestInit) => Promise<Response>,
  request: { loginUrl: string; tenant: string; appId: string; secret: string },
): Promise<BotTokenAnswer> {
  const url = `${request.loginUrl.replace(/\/+$/, '')}/${encodeURIComponent(request.tenant)}/oauth2/v2.0/token`;
  const response = await fetchWithDeadline(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded;charset=utf-8',
      Accept: 'application/json',
    },
    body: new URLSearchParams({
      client_id: request.appId,
      scope: `${BOT_FRAMEWORK_SCOPE}/.default`,
      grant_type: 'client_credentials',
      client_secret: request.secret,
    }).toString(),
    redirect: 'error',
  });
  const body = await readJsonObject(response);
  if (response.ok) {
    const valid = body?.token_type === 'Bearer' && typeof body.access_token === 'string';
    if (!valid) return { kind: 'unexpected', status: response.status };
    return { kind: 'token', expiresInS: Number(body.expires_in) || 0 };
  }
  if (typeof body?.error !== 'string') return { kind: 'unexpected', status: response.status };
  const codes = Array.isArray(body.error_codes) ? body.error_codes : [];
  return {
    kind: 'refused',
    status: response.status,
    error: body.error,
    code: typeof codes[0] === 'number' ? codes[0] : undefined,
    description: typeof body.error_description === 'string' ? body.error_description : '',
  };
}

/** The answer's JSON object, or undefined (no body, HTML from a proxy, not an object). */
async function readJsonObject(response: Response): Promise<Record<string, unknown> | undefined> {
  const text = await response.text();
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    // Not JSON (a proxy's error page): the caller reports the status alone.
    return undefined;
  }
}
