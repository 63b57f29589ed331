import { SEKOIA_EVENT_JOB, type StoredEvent, storedEventPayload } from '../ingress/stored-event.ts';
import type { NewJob } from '../queue/job-queue.ts';

export interface ReadSlotOptions {
  enqueue: (job: NewJob) => Promise<unknown>;
  now: () => number;
  /** At most one Sekoia.io read of an alert per this many ms. */
  coalesceMs: number;
  /** When this process's newest read of the alert started, if any. */
  lastReadAt: number | undefined;
}

/**
 * A notification that came after its alert's last read but within `coalesceMs` of that read's start
 * waits for the next slot, as one job per alert and slot: the others carry the same dedupe key and are
 * dropped when they come up, covered by the slot's read, which starts after they all arrived. The copy
 * is stored before the caller's job completes, so a crash loses nothing. True when deferred.
 */
export async function deferToReadSlot(
  options: ReadSlotOptions,
  stored: StoredEvent,
  alertUuid: string,
): Promise<boolean> {
  const last = options.lastReadAt;
  if (last === undefined || last > stored.receivedAt) return false;
  const slot = last + options.coalesceMs;
  if (slot <= options.now()) return false;
  // The event as read (all the handler uses), re-serialised as the alert-refresh job embeds it.
  const body = JSON.stringify(stored.event);
  await options.enqueue({
    kind: SEKOIA_EVENT_JOB,
    payload: storedEventPayload({ body, receivedAt: stored.receivedAt, requestId: stored.requestId }),
    dedupeKeys: [`coalesce:${alertUuid}:${slot}`],
    runAt: slot,
  });
  return true;
}
