import { BotError, isBotError } from '../errors.ts';

/**
 * The same port, with every failure that is not already coded (a client library's own error: "The
 * client is offline", a reset connection) reported as `store_unavailable`: retryable, and answered
 * `503` with `Retry-After` on the WebHook (spec §4), so that Sekoia.io sends it again.
 */
export function storeFailuresAsUnavailable<T extends object>(port: T, message: string): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(port)) {
    wrapped[name] =
      typeof member === 'function'
        ? async (...args: unknown[]) => {
            try {
              return await member(...args);
            } catch (cause) {
              if (isBotError(cause)) throw cause;
              throw new BotError('store_unavailable', { message, cause, retryable: true });
            }
          }
        : member;
  }
  return wrapped as T;
}
