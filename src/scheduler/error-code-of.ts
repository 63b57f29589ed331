import { type BotErrorCode, isBotError } from '../errors.ts';

/** The stable code a failure is logged, counted and shown under. */
export function errorCodeOf(error: unknown): BotErrorCode {
  return isBotError(error) ? error.code : 'job_failed';
}
