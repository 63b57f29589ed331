import { BotError } from '../errors.ts';

/**
 * The one refusal of a button, whatever check failed: the reason goes to the log (details), never
 * to the clicker, so that a forger learns nothing about which part was wrong.
 */
export function refuseAction(reason: string): BotError {
  return new BotError('action_forbidden', {
    message: 'this button is not valid here (altered, expired or copied from another card)',
    details: { reason },
    retryable: false,
  });
}
