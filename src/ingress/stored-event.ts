import type { SekoiaEvent } from './sekoia-event-schema.ts';

/** Job kind of a WebHook notification waiting to be processed. */
export const SEKOIA_EVENT_JOB = 'sekoia-event';

/** What the ingress writes to the queue: the validated event and when it arrived. */
export interface StoredEvent {
  event: SekoiaEvent;
  receivedAt: number;
  requestId: string;
}

/**
 * Event types documented by Sekoia.io (reference §3.2); anything else is kept and reported under
 * "other", never dropped. Also bounds the cardinality of the metrics label.
 */
export const KNOWN_EVENT_TYPES: ReadonlySet<string> = new Set([
  'alert',
  'content-proposal',
  'alert-comment',
  'case',
]);
