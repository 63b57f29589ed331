import type { Request, Response } from 'restify';
import type { Clock } from '../clock.ts';
import { BotError, httpStatusOf, isBotError } from '../errors.ts';
import { isJsonContentType } from '../http/is-json-content-type.ts';
import { readBodyBytes } from '../http/read-json-body.ts';
import { RETRY_AFTER_SECONDS, sendJson } from '../http/send-json.ts';
import { createSecretVerifier } from '../http/verify-secret.ts';
import { type Logger, logSafe } from '../log.ts';
import type { Metrics } from '../metrics/create-metrics.ts';
import type { JobQueue } from '../queue/job-queue.ts';
import type { RawRefusal } from '../queue/raw-job.ts';
import { type WebhookSummary, webhookSummary } from './admit-webhook-body.ts';
import { enqueueWebhookBody } from './enqueue-webhook-body.ts';
import { KNOWN_EVENT_TYPES } from './stored-event.ts';

export interface WebhookRouteOptions {
  secret: string;
  queue: JobQueue;
  metrics: Metrics;
  clock: Clock;
  log: Logger;
  /** Called after an event is stored, to wake the worker. */
  onQueued?: () => void;
}

/**
 * `POST /hooks/sekoia/:secret`: verify → parse → persist → 202 (spec §4, reference §3.4). This
 * thread only checks the secret and the media type and collects the bytes: parsing, the envelope
 * check and the write happen in the queue's thread when it has one (enqueue-webhook-body.ts).
 */
export function createWebhookRoute(options: WebhookRouteOptions) {
  const isSecret = createSecretVerifier(options.secret);
  return async (req: Request, res: Response): Promise<void> => {
    try {
      const bytes = await acceptRequest(req, isSecret);
      const context = { receivedAt: options.clock.now(), requestId: req.getId() };
      const outcome = await enqueueWebhookBody(options.queue, bytes, context);
      if (!outcome.ok) throw refusalError(outcome.refusal);
      sendJson(res, 202, { status: 'accepted', id: outcome.jobId });
      options.onQueued?.();
      recordAccepted(options, req, webhookSummary(outcome.summary), outcome.jobId);
    } catch (error) {
      refuse(res, error, options.metrics, options.log.child({ reqId: req.getId() }));
    }
  };
}

async function acceptRequest(req: Request, isSecret: (presented: string) => boolean): Promise<Uint8Array> {
  if (!isSecret(String(req.params?.secret ?? ''))) throw new BotError('webhook_not_found');
  if (!isJsonContentType(req.headers['content-type'])) {
    throw new BotError('webhook_unsupported_media_type', { message: 'the body must be application/json' });
  }
  return readBodyBytes(req);
}

function refusalError(refusal: RawRefusal): BotError {
  return new BotError(refusal.code, { message: refusal.message, details: refusal.details });
}

function recordAccepted(
  options: WebhookRouteOptions,
  req: Request,
  event: WebhookSummary,
  jobId: string,
): void {
  const type = KNOWN_EVENT_TYPES.has(event.type) ? event.type : 'other';
  options.metrics.eventsReceived.inc({ type });
  const { log } = options;
  if (type === 'other') {
    log.warn(
      { reqId: req.getId(), eventId: jobId, type: logSafe(event.type, 100) },
      'notification of an unknown type stored',
    );
  } else if (type === 'alert' && event.alertUuid === undefined) {
    // Stored all the same: it is kept without a card, counted and shown by `status`.
    log.warn(
      { reqId: req.getId(), eventId: jobId, action: logSafe(event.action ?? '', 100) },
      'alert notification stored, to be kept without a card: not a created/updated alert with a valid UUID',
    );
  } else if (log.isLevelEnabled('info')) {
    const fields = { reqId: req.getId(), eventId: jobId, type, action: logSafe(event.action ?? '', 100) };
    log.info({ ...fields, alertUuid: logSafe(event.uuid ?? '', 64) }, 'notification stored');
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
  // Node's own methods, never restify's res.send: this route is served ahead of restify (hot).
  if (code === 'webhook_not_found') {
    sendJson(res, 404, NOT_FOUND_BODY);
    return;
  }
  const details = isBotError(error) && error.details.problems ? { problems: error.details.problems } : {};
  sendJson(res, status, {
    code,
    message: isBotError(error) && status < 500 ? error.message : 'internal error',
    ...details,
  });
}

/** The same body as every unknown path, so a wrong secret tells nothing (see server/create-server.ts). */
export const NOT_FOUND_BODY = { code: 'not_found', message: 'not found' } as const;
