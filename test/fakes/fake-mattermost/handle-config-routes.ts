import { type ApiAnswer, type ApiRequest, answer, fail } from './api-route.ts';
import type { FakeContext } from './fake-context.ts';
import { invalidBodyParam, mmError } from './mattermost-error.ts';
import { FAKE_VERSION_ID } from './send-response.ts';

/**
 * `GET /config/client?format=old`, served with or without a session (`APIHandler`,
 * server/channels/api4/config.go): a flat map of strings. `SiteURL` is in the limited map given
 * without a session, so also in the full one, trimmed of its trailing `/`; `EnableCommands` and
 * `EnableUserAccessTokens` only in the full one, given with a session (server/config/client.go
 * GenerateClientConfig / GenerateLimitedClientConfig).
 */
export function handleClientConfig(context: FakeContext, request: ApiRequest): ApiAnswer {
  const format = request.query.get('format') ?? '';
  if (format === '') {
    return fail(
      mmError(
        501,
        'api.config.client.old_format.app_error',
        'New format for the client configuration is not supported yet.',
      ),
    );
  }
  if (format !== 'old') return fail(invalidBodyParam('format'));
  return answer(200, {
    Version: FAKE_VERSION_ID.split('.').slice(0, 3).join('.'),
    BuildNumber: 'fake',
    SiteURL: context.siteUrl.replace(/\/+$/, ''),
    SiteName: 'Mattermost',
    ...(request.authenticated
      ? { EnableCommands: String(context.enableCommands), EnableUserAccessTokens: 'true' }
      : {}),
  });
}
