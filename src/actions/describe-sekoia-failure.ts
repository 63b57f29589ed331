import { isBotError } from '../errors.ts';

/** What to tell the clicker when Sekoia.io did not do what was asked (never the key, never a stack). */
export function describeSekoiaFailure(error: unknown): string {
  if (!isBotError(error)) return 'an unexpected error on our side; nothing was changed.';
  switch (error.code) {
    case 'sekoia_rejected':
      return 'Sekoia.io refused the change (the alert may have moved on); nothing was changed.';
    case 'sekoia_not_found':
      return 'Sekoia.io no longer knows this alert.';
    case 'sekoia_unauthorized':
    case 'sekoia_forbidden':
      return "the bot's Sekoia.io API key is not allowed to do this; ask the administrator.";
    case 'identity_key_refused':
      return 'Sekoia.io refused your linked API key (revoked or expired); nothing was changed. Link it again with the link command.';
    case 'identity_forbidden':
      return 'your Sekoia.io account lacks the permission for this; nothing was changed. Ask your Sekoia.io administrator.';
    case 'sekoia_rate_limited':
    case 'sekoia_unavailable':
      return 'Sekoia.io is not answering right now; try again in a moment.';
    default:
      return 'an unexpected answer from Sekoia.io; nothing was changed.';
  }
}

/** A BotError by its code only, for the log (its message may carry what Sekoia.io said). */
export function errorCode(error: unknown): unknown {
  return isBotError(error) ? error.code : error;
}
