import { BotError } from '../errors.ts';
import { logSafe } from '../log.ts';
import { isSekoiaUuid } from './validate-alert-id.ts';

/**
 * Intakes, rules, reports and search jobs are addressed by UUID only (reference §4). Ids come from
 * WebHooks and chat commands: anything else is refused before it reaches a URL, like an alert id.
 */
export function assertSekoiaUuid(value: unknown, kind: string): string {
  if (typeof value === 'string' && isSekoiaUuid(value)) return value;
  throw new BotError('sekoia_not_found', {
    message: `Not a Sekoia.io ${kind} UUID`,
    details: { reason: 'invalid_id', kind, id: logSafe(value, 80) },
    retryable: false,
  });
}
