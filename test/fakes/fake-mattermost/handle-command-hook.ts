import type { ServerResponse } from 'node:http';
import { deliverCommandResponse, parseCommandResponse } from './apply-command-response.ts';
import type { FakeContext } from './fake-context.ts';
import { type MattermostError, mmError } from './mattermost-error.ts';
import { sendError, sendText } from './send-response.ts';

export interface HookRequest {
  hookId: string;
  contentType: string | undefined;
  rawBody: string;
}

/**
 * `POST /hooks/commands/{id}` (a `response_url`): no login, the unguessable id is the credential; five
 * uses in thirty minutes; answers `ok` in plain text (reference §2.5).
 */
export function handleCommandHook(
  context: FakeContext,
  request: HookRequest,
  response: ServerResponse,
): void {
  const outcome = useCommandHook(context, request);
  if (outcome === undefined) sendText(response, 200, 'ok', 'text/plain');
  else sendError(response, outcome);
}

function useCommandHook(context: FakeContext, request: HookRequest): MattermostError | undefined {
  const parsed = parseCommandResponse(request.contentType, request.rawBody);
  if (!parsed.ok) {
    return mmError(400, 'app.command_webhook.handle_command_webhook.parse', 'Unable to parse the request.');
  }
  const use = context.responseUrls.use(request.hookId);
  if (!use.ok) return use.error;
  const delivery = deliverCommandResponse(context, use.invocation, parsed.response, 'response_url');
  if (delivery.errors.length === 0) return undefined;
  const message = `Command '/sekoia' failed to post response: ${delivery.errors.join('; ')}`;
  return mmError(500, 'api.command.execute_command.create_post_failed.app_error', message);
}
