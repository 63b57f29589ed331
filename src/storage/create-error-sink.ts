import { type Logger, logSafe } from '../log.ts';
import type { StoreErrorSink } from './store-backend.ts';

/** Fields of a driver error safe to log: pg attaches its whole client (password included) to some. */
export function describeStoreError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: logSafe(error) };
  const { code, errno, syscall, address, port } = error as Error & Record<string, unknown>;
  const fields: Record<string, unknown> = { type: error.name, message: logSafe(error.message, 300) };
  for (const [name, value] of Object.entries({ code, errno, syscall, address, port })) {
    if (typeof value === 'string' || typeof value === 'number') fields[name] = value;
  }
  return fields;
}

/**
 * Logs each storage error once: a connection error reaches us through every namespace's adapter
 * sharing the connection, as the same object.
 */
export function createErrorSink(log: Logger): StoreErrorSink {
  const seen = new WeakSet<object>();
  return (error, namespace) => {
    if (typeof error === 'object' && error !== null) {
      if (seen.has(error)) return;
      seen.add(error);
    }
    log.warn({ error: describeStoreError(error), namespace }, 'store error');
  };
}
