import { type ApiAnswer, type ApiRequest, fail, statusOk } from './api-route.ts';
import type { FakeContext } from './fake-context.ts';
import { isRecord } from './fake-model.ts';
import { invalidBodyParam } from './mattermost-error.ts';
import { newId } from './new-id.ts';

/**
 * `POST /actions/dialogs/open`: no session needed, the signed trigger id is the credential and names
 * the user (reference §5.1). Dialog problems are only logged by the server, so nothing else is checked.
 */
export function handleOpenDialog(context: FakeContext, { body }: ApiRequest): ApiAnswer {
  if (!isRecord(body)) return fail(invalidBodyParam('dialog'));
  const { trigger_id: triggerId, url, dialog } = body;
  if (typeof url !== 'string' || url === '') return fail(invalidBodyParam('url'));
  const check = context.triggers.verify(
    typeof triggerId === 'string' ? triggerId : '',
    context.triggerTimeoutMs,
  );
  if (!check.ok) return fail(check.error);
  context.dialogs.push({
    id: newId(),
    triggerId: String(triggerId),
    url,
    dialog: isRecord(dialog) ? structuredClone(dialog) : {},
    userId: check.userId,
    channelId: check.origin.channelId,
    teamId: check.origin.teamId,
    openedAt: context.clock.now(),
  });
  return statusOk();
}
