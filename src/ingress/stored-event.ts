import { readSekoiaEvent, type SekoiaEvent } from './read-sekoia-event.ts';

/** Job kind of a WebHook notification waiting to be processed. */
export const SEKOIA_EVENT_JOB = 'sekoia-event';

/** A stored notification as the worker reads it: the event and when it arrived. */
export interface StoredEvent {
  event: SekoiaEvent;
  receivedAt: number;
  requestId: string;
}

/**
 * The queue payload: the body embedded as received, valid JSON already (it was parsed), never
 * re-serialised, so that what was accepted is what is stored, whatever its shape.
 */
export function storedEventPayload(input: { body: string; receivedAt: number; requestId: string }): string {
  return `{"receivedAt":${input.receivedAt},"requestId":${JSON.stringify(input.requestId)},"event":${input.body}}`;
}

/** Reads a stored notification (or any value) leniently; never throws. */
export function readStoredEvent(value: unknown): StoredEvent {
  const stored = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  return {
    event: readSekoiaEvent(stored.event),
    receivedAt: typeof stored.receivedAt === 'number' ? stored.receivedAt : 0,
    requestId: typeof stored.requestId === 'string' ? stored.requestId : '',
  };
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
