import { BotError, isBotError } from '../errors.ts';
import type { ActionServices } from './card-action.ts';

type ActionSekoia = ActionServices['sekoia'];

/**
 * A refusal of the user's own key is theirs, told in their words, and never retried with the bot's
 * key: Sekoia.io's permissions for that user are the point of linking.
 */
function asIdentityError(error: unknown): unknown {
  if (!isBotError(error)) return error;
  const code = error.code === 'sekoia_unauthorized' ? 'identity_key_refused' : undefined;
  const forbidden = error.code === 'sekoia_forbidden' ? 'identity_forbidden' : undefined;
  const mapped = code ?? forbidden;
  if (mapped === undefined) return error;
  return new BotError(mapped, {
    message: error.message,
    cause: error,
    details: error.details,
    retryable: false,
  });
}

/**
 * The Sekoia.io port of a click by a linked user: the changes (workflow, urgency, comment) go with
 * their key; the reads (alert, workflow) stay with the bot's, so every card shows the same alert.
 */
export function withLinkedKey(sekoia: ActionSekoia, apiKey: string): ActionSekoia {
  const rethrow = (error: unknown) => {
    throw asIdentityError(error);
  };
  return {
    ...sekoia,
    patchWorkflow: (alertUuid, input, options) =>
      sekoia.patchWorkflow(alertUuid, input, { ...options, apiKey }).catch(rethrow),
    patchAlert: (alertUuid, input, options) =>
      sekoia.patchAlert(alertUuid, input, { ...options, apiKey }).catch(rethrow),
    postComment: (alertUuid, input, options) =>
      sekoia.postComment(alertUuid, input, { ...options, apiKey }).catch(rethrow),
  };
}
