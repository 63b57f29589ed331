import { BotError } from '../errors.ts';
import { logSafe } from '../log.ts';

// Sekoia's UUIDs are not always RFC 4122 versioned (e.g. status UUIDs), so only the layout is checked.
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Observed short ids are `AL` + 10 alphanumerics; the reference only promises "not a UUID" (§13).
const SHORT_ID_PATTERN = /^[A-Za-z0-9]{1,64}$/;

export function isSekoiaUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

/** An alert UUID or short id, the two forms every alert route accepts (reference §5.1). */
export function isSekoiaAlertId(value: unknown): value is string {
  return typeof value === 'string' && (UUID_PATTERN.test(value) || SHORT_ID_PATTERN.test(value));
}

/** Ids arrive from WebHooks and button payloads: refuse anything else before it reaches a URL. */
export function assertSekoiaAlertId(value: unknown): string {
  if (isSekoiaAlertId(value)) return value;
  throw new BotError('sekoia_not_found', {
    message: 'Not a Sekoia.io alert id',
    details: { reason: 'invalid_id', id: logSafe(value, 80) },
    retryable: false,
  });
}
