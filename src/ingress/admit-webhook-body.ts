import { BotError, isBotError } from '../errors.ts';
import { parseJsonText } from '../http/parse-json-text.ts';
import type { RawAdmission, RawJobContext, RawJobSummary } from '../queue/raw-job.ts';
import { envelopeProblems } from './envelope-problems.ts';
import { dedupeKeysOf, readableAlertUuid, readSekoiaEvent, type SekoiaEvent } from './read-sekoia-event.ts';
import { SEKOIA_EVENT_JOB, storedEventPayload } from './stored-event.ts';

/** Where the queue's thread finds `admitWebhookBody` (it cannot be sent there as a function). */
export const WEBHOOK_ADMISSION = { url: import.meta.url, exportName: 'admitWebhookBody' } as const;

/** What the route counts and logs of an accepted notification (see `webhookSummary`). */
export type WebhookSummary = {
  type: string;
  action: string | undefined;
  /** `attributes.uuid` as read, for the log line. */
  uuid: string | undefined;
  /** The alert the notification can be worked on for, when it is one (`readableAlertUuid`). */
  alertUuid: string | undefined;
};

/**
 * A WebHook body's bytes → the job that stores it, or the coded refusal (400) the route answers:
 * JSON within the depth limit, the envelope of spec §4, the body stored as received (never
 * re-serialised). The one rule for every queue engine: run in the SQLite queue's thread
 * (`enqueueRaw`), in the route for the others. Pure; throws only on a bug.
 */
export function admitWebhookBody(bytes: Uint8Array, context: RawJobContext): RawAdmission {
  try {
    // Buffer's decoding, as before the move: a byte-order mark is kept (and refused by JSON.parse).
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    const event = readEnvelope(parseJsonText(text));
    const payload = storedEventPayload({
      body: text,
      receivedAt: context.receivedAt,
      requestId: context.requestId,
    });
    const job = { kind: SEKOIA_EVENT_JOB, payload, dedupeKeys: dedupeKeysOf(event) };
    return { ok: true, job, summary: summarize(event) };
  } catch (error) {
    if (!isBotError(error)) throw error;
    return { ok: false, refusal: { code: error.code, message: error.message, details: error.details } };
  }
}

/** The summary as the route reads it back (it crossed a thread as plain strings). */
export function webhookSummary(summary: RawJobSummary): WebhookSummary {
  return {
    type: summary.type ?? '',
    action: summary.action,
    uuid: summary.uuid,
    alertUuid: summary.alertUuid,
  };
}

function readEnvelope(value: unknown): SekoiaEvent {
  const problems = envelopeProblems(value);
  if (problems.length === 0) return readSekoiaEvent(value);
  throw new BotError('webhook_invalid_shape', {
    message: 'the body is not a Sekoia.io notification: a JSON object with a string "type" is expected',
    details: { problems },
  });
}

function summarize(event: SekoiaEvent): WebhookSummary {
  return {
    type: event.type,
    action: event.action,
    uuid: event.attributes.uuid,
    alertUuid: readableAlertUuid(event),
  };
}
