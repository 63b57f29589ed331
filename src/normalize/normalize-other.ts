import { KNOWN_EVENT_TYPES, type StoredEvent } from '../ingress/stored-event.ts';
import { eventRef } from './normalize-alert.ts';
import type { OtherNotification } from './notification.ts';

/** Any non-alert notification, kept whole so that nothing accepted is dropped. */
export function normalizeOther(stored: StoredEvent, eventId: string): OtherNotification {
  return {
    kind: 'other',
    event: eventRef(stored, eventId),
    known: KNOWN_EVENT_TYPES.has(stored.event.type),
    attributes: stored.event.attributes,
  };
}
