import { setTimeout as delay } from 'node:timers/promises';
import { type Clock, systemClock } from '../clock.ts';
import { type BackoffPolicy, computeBackoff } from '../compute-backoff.ts';
import { BotError } from '../errors.ts';
import type { Logger } from '../log.ts';
import {
  type AttemptOutcome,
  type AttemptSettings,
  attemptSekoiaRequest,
  type SekoiaRequest,
} from './attempt-sekoia-request.ts';
import { type AnswerNote, createSekoiaPacer, type SekoiaPaceOptions } from './create-sekoia-pacer.ts';
import type { RequestDescription } from './map-sekoia-error.ts';

export interface SekoiaTransportOptions {
  /** Full API prefix: `https://api.sekoia.io`, `https://app.fra2.sekoia.io/api`, … (reference §1). */
  baseUrl: string;
  apiKey: string | undefined;
  log: Logger;
  /** Per attempt. */
  timeoutMs?: number;
  /** Retries after the first attempt, for network errors, timeouts, 5xx and 429. */
  maxRetries?: number;
  /** A longer Retry-After is not waited for in-process: the error goes back to the durable queue. */
  maxRetryWaitMs?: number;
  backoff?: BackoffPolicy;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  fetch?: typeof fetch;
  clock?: Clock;
  /** The client-wide pace (5 requests/s, pause after repeated errors); every attempt goes through it. */
  pace?: SekoiaPaceOptions;
  /** Called on every answered request (2xx): a recovery notifier learns that Sekoia.io is back. */
  onSuccess?: () => void;
}

/** In-process retries stay short: a longer wait belongs to the durable queue. */
export const SEKOIA_BACKOFF: BackoffPolicy = { baseMs: 500, capMs: 10_000 };

export type SendSekoiaRequest = (request: SekoiaRequest) => Promise<unknown>;

interface RetrySettings {
  maxRetries: number;
  maxRetryWaitMs: number;
  backoff: BackoffPolicy;
  random: () => number;
}

function noApiKeyError(): BotError {
  return new BotError('sekoia_unauthorized', {
    message: 'No Sekoia.io API key is configured (SEKOIA_API_KEY)',
    details: { reason: 'no_api_key' },
    retryable: false,
  });
}

/** How long to wait before the next attempt, or undefined to give up with this error. */
function retryDelayMs(error: BotError, attempt: number, settings: RetrySettings): number | undefined {
  if (!error.retryable || attempt > settings.maxRetries) return undefined;
  if (error.retryAfterMs === undefined)
    return computeBackoff(attempt, { random: settings.random, policy: settings.backoff });
  return error.retryAfterMs > settings.maxRetryWaitMs ? undefined : error.retryAfterMs;
}

function describe(request: SekoiaRequest, apiKey: string): RequestDescription {
  return {
    method: request.method,
    path: request.path,
    redact: (text) => text.replaceAll(apiKey, '[redacted]'),
  };
}

function noteOf(outcome: AttemptOutcome): AnswerNote {
  if (outcome.ok) return { status: outcome.status };
  const { status } = outcome.error.details;
  return {
    status: typeof status === 'number' ? status : undefined,
    retryAfterMs: outcome.error.retryAfterMs,
  };
}

/**
 * Sends one API request with timeouts, retries and coded errors; resolves with the parsed JSON body.
 * Every attempt waits its turn at the pacer; a retry's back-off is slept outside it.
 */
export function createSekoiaTransport(options: SekoiaTransportOptions): SendSekoiaRequest {
  const retry: RetrySettings = {
    maxRetries: options.maxRetries ?? 3,
    maxRetryWaitMs: options.maxRetryWaitMs ?? 30_000,
    backoff: options.backoff ?? SEKOIA_BACKOFF,
    random: options.random ?? Math.random,
  };
  const sleep = options.sleep ?? ((ms: number) => delay(ms));
  const { apiKey, log } = options;
  const clock = options.clock ?? systemClock;
  const pacer = createSekoiaPacer({ ...options.pace, clock, log });
  const settings: AttemptSettings = {
    baseUrl: options.baseUrl,
    apiKey: apiKey ?? '',
    timeoutMs: options.timeoutMs ?? 10_000,
    fetch: options.fetch ?? globalThis.fetch,
    clock,
  };
  return async (request) => {
    // A linked user's key stands in for the bot's, which may then be unset.
    const key = request.apiKey || apiKey;
    if (!key) throw noApiKeyError();
    const description = describe(request, key);
    for (let attempt = 1; ; attempt += 1) {
      const outcome = await pacer.run(
        request.priority ?? 'background',
        () => attemptSekoiaRequest(request, settings, description),
        noteOf,
      );
      const where = { method: request.method, path: request.path, attempt, priority: request.priority };
      if (outcome.ok) {
        log.debug({ ...where, status: outcome.status }, 'Sekoia.io request done');
        options.onSuccess?.();
        return outcome.body;
      }
      const waitMs = retryDelayMs(outcome.error, attempt, retry);
      if (waitMs === undefined) throw outcome.error;
      const { status, reason } = outcome.error.details;
      log.warn(
        { ...where, status, reason, code: outcome.error.code, waitMs },
        'Sekoia.io request failed, retrying',
      );
      await sleep(waitMs);
    }
  };
}
