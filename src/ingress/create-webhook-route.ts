import type { Request, Response } from 'restify';
import type { Clock } from '../clock.ts';
import { BotError, httpStatusOf, isBotError } from '../errors.ts';
import { isJsonContentType } from '../http/is-json-content-type.ts';
import { readJsonText } from '../http/read-json-body.ts';
import { RETRY_AFTER_SECONDS, sendJson } from '../http/send-json.ts';
import { createSecretVerifier } from '../http/verify-secret.ts';
import { type Logger, logSafe } from '../log.ts';
import type { Metrics } from '../metrics/create-metrics.ts';
import type { JobQueue } from '../queue/job-queue.ts';
import { dedupeKeysOf, readableAlertUuid, type SekoiaEvent } from './read-sekoia-event.ts';
import { sekoiaEventSchema } from './sekoia-event-schema.ts';
import { KNOWN_EVENT_TYPES, SEKOIA_EVENT_JOB, storedEventPayload } from './stored-event.ts';

export interface WebhookRouteOptions {
  secret: string;
  queue: JobQueue;
  metrics: Metrics;
  clock: Clock;
  log: Logger;
  /** Called after an event is stored, to wake the worker. */
  onQueued?: () => void;
}

/** `POST /hooks/sekoia/:secret`: verify → parse → persist → 202 (spec §4, reference §3.4). */
export function createWebhookRoute(options: WebhookRouteOptions) {
  const isSecret = createSecretVerifier(options.secret);
  return async (req: Request, res: Response): Promise<void> => {
    try {
      const { event, body } = await acceptRequest(req, isSecret);
      const { jobId } = await options.queue.enqueue({
        kind: SEKOIA_EVENT_JOB,
        payload: storedEventPayload({ body, receivedAt: options.clock.now(), requestId: req.getId() }),
        dedupeKeys: dedupeKeysOf(event),
      });
      sendJson(res, 202, { status: 'accepted', id: jobId });
      options.onQueued?.();
      recordAccepted(options, req, event, jobId);
    } catch (error) {
      refuse(res, error, options.metrics, options.log.child({ reqId: req.getId() }));
    }
  };
}

async function acceptRequest(
  req: Request,
  isSecret: (presented: string) => boolean,
): Promise<{ event: SekoiaEvent; body: string }> {
  if (!isSecret(String(req.params?.secret ?? ''))) throw new BotError('webhook_not_found');
  if (!isJsonContentType(req.headers['content-type'])) {
    throw new BotError('webhook_unsupported_media_type', { message: 'the body must be application/json' });
  }
  const { text, value } = await readJsonText(req);
  const parsed = sekoiaEventSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 10)
      .map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
    throw new BotError('webhook_invalid_shape', {
      message: 'the body is not a Sekoia.io notification: a JSON object with a string "type" is expected',
      details: { problems },
    });
  }
  return { event: parsed.data, body: text };
}

function recordAccepted(options: WebhookRouteOptions, req: Request, event: SekoiaEvent, jobId: string): void {
  const type = KNOWN_EVENT_TYPES.has(event.type) ? event.type : 'other';
  options.metrics.eventsReceived.inc({ type });
  const { log } = options;
  if (type === 'other') {
    log.warn(
      { reqId: req.getId(), eventId: jobId, type: logSafe(event.type, 100) },
      'notification of an unknown type stored',
    );
  } else if (type === 'alert' && readableAlertUuid(event) === undefined) {
    // Stored all the same: it is kept without a card, counted and shown by `status`.
    log.warn(
      { reqId: req.getId(), eventId: jobId, action: logSafe(event.action ?? '', 100) },
      'alert notification stored, to be kept without a card: not a created/updated alert with a valid UUID',
    );
  } else if (log.isLevelEnabled('info')) {
    const fields = { reqId: req.getId(), eventId: jobId, type, action: logSafe(event.action ?? '', 100) };
    log.info({ ...fields, alertUuid: logSafe(event.attributes.uuid ?? '', 64) }, 'notification stored');
  }
}

function refuse(res: Response, error: unknown, metrics: Metrics, log: Logger): void {
  const status = httpStatusOf(error);
  const code = isBotError(error) ? error.code : 'internal_error';
  metrics.eventsRejected.inc({ reason: code });
  if (status >= 500) log.error({ err: error }, 'notification could not be stored');
  else log.info({ code }, 'notification refused');
  // The body may be unread (wrong secret, wrong type, too large): do not reuse this connection.
  res.setHeader('Connection', 'close');
  if (status === 503) res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
  if (code === 'webhook_not_found') return void res.send(404, NOT_FOUND_BODY);
  const details = isBotError(error) && error.details.problems ? { problems: error.details.problems } : {};
  res.send(status, {
    code,
    message: isBotError(error) && status < 500 ? error.message : 'internal error',
    ...details,
  });
}

/** The same body as every unknown path, so a wrong secret tells nothing (see server/create-server.ts). */
export const NOT_FOUND_BODY = { code: 'not_found', message: 'not found' } as const;
