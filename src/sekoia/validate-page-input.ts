import { BotError } from '../errors.ts';
import type { SekoiaQuery } from './build-sekoia-url.ts';

export interface PageInput {
  limit: number;
  offset?: number;
}

/** Commonly 100 on list endpoints; search job events allow 1000 (reference §4, §11). */
export const LIST_MAX_LIMIT = 100;
export const EVENTS_MAX_LIMIT = 1000;

function isCount(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** What Sekoia.io would answer 400 to is refused without a request, coded as its rejection would be. */
export function invalidInput(details: Record<string, unknown>): BotError {
  return new BotError('sekoia_rejected', {
    message: 'Refused before sending: Sekoia.io would reject these parameters',
    details: { reason: 'invalid_input', ...details },
    retryable: false,
  });
}

/** `limit` + `offset` query of reference §11, checked so that a polling loop cannot spin on limit 0. */
export function pageQuery(input: PageInput, maxLimit: number): SekoiaQuery {
  const offset = input.offset ?? 0;
  if (!isCount(input.limit, 1, maxLimit) || !isCount(offset, 0, Number.MAX_SAFE_INTEGER)) {
    throw invalidInput({ limit: String(input.limit), offset: String(offset), maxLimit });
  }
  return { limit: input.limit, offset };
}

export function assertPositiveCount(value: number | undefined, name: string): void {
  if (value !== undefined && !isCount(value, 1, Number.MAX_SAFE_INTEGER)) {
    throw invalidInput({ [name]: String(value) });
  }
}
