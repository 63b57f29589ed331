import type { Clock } from '../clock.ts';
import { isBotError } from '../errors.ts';
import { readableAlertUuid } from '../ingress/read-sekoia-event.ts';
import type { StoredEvent } from '../ingress/stored-event.ts';
import { parseStoredEvent, readStoredEvent, SEKOIA_EVENT_JOB } from '../ingress/stored-event.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics/create-metrics.ts';
import { eventRef, normalizeAlert } from '../normalize/normalize-alert.ts';
import { type IntakeSilence, normalizeIntakeSilence } from '../normalize/normalize-intake-silence.ts';
import { normalizeOther } from '../normalize/normalize-other.ts';
import { normalizePlaybookError } from '../normalize/normalize-playbook-error.ts';
import { normalizeReport, type ReportFields } from '../normalize/normalize-report.ts';
import { type CatalogRuleFields, normalizeRuleAdded } from '../normalize/normalize-rule-added.ts';
import type { AlertNotification, Notification } from '../normalize/notification.ts';
import { type IntakeInactivity, readIntakeInactivity } from '../normalize/read-intake-inactivity.ts';
import type { JobHandler } from '../queue/create-worker.ts';
import type { Job, NewJob } from '../queue/job-queue.ts';
import type { SekoiaAlert } from '../sekoia/alert-schema.ts';
import type { WorkflowReader } from '../sekoia/create-workflow-reader.ts';
import type { SekoiaApi } from '../sekoia/sekoia-api.ts';
import { alertStatusRef } from '../sekoia/standard-workflow.ts';
import type { WorkflowAction } from '../sekoia/workflow-schema.ts';
import type { DeliveryPort } from './delivery-port.ts';
import type { AssetResolver } from './resolve-alert-assets.ts';

/** Job kind that completes a card first posted from the WebHook alone, once the API answers. */
export const ALERT_REFRESH_JOB = 'alert-refresh';

export interface EventJobOptions {
  sekoia: Pick<SekoiaApi, 'getAlert'>;
  /** `GET …/workflow`, or the standard workflow when Sekoia.io refuses it. */
  workflow: WorkflowReader;
  delivery: DeliveryPort;
  enqueue: (job: NewJob) => Promise<unknown>;
  metrics: Metrics;
  clock: Clock;
  appUrl: string;
  /** Attempts at reading the API before the card is posted from the WebHook alone. */
  enrichAttempts?: number;
  /** Reads a report through the Intelligence API. */
  reports?: { read(uuid: string): Promise<ReportFields> };
  /** Reads a Rules Catalog rule. */
  catalogRules?: { read(uuid: string): Promise<CatalogRuleFields> };
  /** Delay before the first try at completing a WebHook-only card. */
  refreshDelayMs?: number;
  /** Names the alert's assets (asset API, cached); without it cards show asset UUIDs. */
  assets?: AssetResolver;
  /** Turns Sekoia.io's "no events" WebHook into the silence the intake-silence poll reports. */
  intakeSilences?: { open(inactivity: IntakeInactivity): Promise<IntakeSilence> };
}

/** The queue handlers that turn stored events into delivered notifications. */
export function createEventJobHandlers(options: EventJobOptions): Record<string, JobHandler> {
  const enrichAttempts = options.enrichAttempts ?? 4;

  const deliver = async (notification: Notification) => {
    try {
      await options.delivery.deliver(notification);
    } catch (error) {
      options.metrics.deliveries.inc({ result: 'failed' });
      throw error;
    }
    options.metrics.deliveries.inc({ result: 'delivered' });
    options.metrics.deliveryLatency.observe((options.clock.now() - notification.event.receivedAt) / 1_000);
  };

  const withAssets = async (notification: AlertNotification): Promise<AlertNotification> =>
    options.assets
      ? { ...notification, alert: await options.assets.resolve(notification.alert) }
      : notification;

  const handleEvent: JobHandler = async (job, log) => {
    const stored = parseStored(job);
    // Not a created/updated alert with a valid UUID (whatever the WebHook lacks): not worked on as one.
    const alertId = readableAlertUuid(stored.event);
    if (alertId === undefined) return deliver(await normalizeNonAlert(stored, job, log));
    let alert: SekoiaAlert | undefined;
    try {
      alert = await options.sekoia.getAlert(alertId);
    } catch (error) {
      const retryable = !isBotError(error) || error.retryable;
      if (retryable && job.attempts < enrichAttempts) throw error;
      log.warn(
        { err: errorCode(error), alertUuid: alertId },
        'alert could not be read; posting from the WebHook',
      );
      if (retryable) await scheduleRefresh(options, stored, job.id);
    }
    const workflow = alert ? await readWorkflow(alert, log) : undefined;
    const observedAt = options.clock.now();
    await deliver(
      await withAssets(
        normalizeAlert({ stored, eventId: job.id, alert, workflow, appUrl: options.appUrl, observedAt }),
      ),
    );
  };

  /** Reports are read through the Intelligence API (the WebHook says little); the rest from the WebHook. */
  const normalizeNonAlert = async (stored: StoredEvent, job: Job, log: Logger): Promise<Notification> => {
    const { type, attributes } = stored.event;
    const event = eventRef(stored, job.id);
    if (PLAYBOOK_TYPES.has(type))
      return normalizePlaybookError({ event, attributes, appUrl: options.appUrl });
    if (CATALOG_TYPES.has(type) && typeof attributes.uuid === 'string' && options.catalogRules) {
      // The same path as the catalog poll: its card subject is the rule, so a later poll edits, never reposts.
      const rule = await options.catalogRules.read(attributes.uuid);
      return normalizeRuleAdded({ event, rule, appUrl: options.appUrl });
    }
    const inactivity = readIntakeInactivity(event, attributes);
    if (inactivity !== undefined && options.intakeSilences) {
      // The same silence, hence the same card, as the poll's (a later poll edits it, never reposts).
      const silence = await options.intakeSilences.open(inactivity);
      return normalizeIntakeSilence({ event, silence, appUrl: options.appUrl });
    }
    if (type !== 'content-proposal' || typeof attributes.uuid !== 'string')
      return normalizeOther(stored, job.id);
    const uuid = attributes.uuid;
    let report: ReportFields | undefined;
    try {
      report = await options.reports?.read(uuid);
    } catch (error) {
      const retryable = !isBotError(error) || error.retryable;
      if (retryable && job.attempts < enrichAttempts) throw error;
      log.warn(
        { err: errorCode(error), reportUuid: uuid },
        'report could not be read; posting from the WebHook',
      );
    }
    return normalizeReport({
      event,
      report: report ?? reportFromWebhook(uuid, attributes),
      appUrl: options.appUrl,
    });
  };

  /** Without the workflow the buttons follow the built-in one; not worth holding the card back. */
  const readWorkflow = async (alert: SekoiaAlert, log: Logger): Promise<WorkflowAction[] | undefined> => {
    try {
      return (await options.workflow.read(alert.uuid, () => alertStatusRef(alert))).actions;
    } catch (error) {
      log.warn(
        { err: errorCode(error), alertUuid: alert.uuid, workflowSource: 'standard' },
        'alert workflow could not be read; using the built-in one',
      );
      return undefined;
    }
  };

  const handleRefresh: JobHandler = async (job, log) => {
    const payload = JSON.parse(job.payload) as { stored: unknown; eventId: string };
    const { eventId } = payload;
    const stored = readStoredEvent(payload.stored);
    const alert = await options.sekoia.getAlert(stored.event.attributes.uuid ?? '');
    const workflow = await readWorkflow(alert, log);
    const observedAt = options.clock.now();
    await deliver(
      await withAssets(
        normalizeAlert({ stored, eventId, alert, workflow, appUrl: options.appUrl, observedAt }),
      ),
    );
  };

  return { [SEKOIA_EVENT_JOB]: handleEvent, [ALERT_REFRESH_JOB]: handleRefresh };
}

async function scheduleRefresh(
  options: EventJobOptions,
  stored: StoredEvent,
  eventId: string,
): Promise<void> {
  await options.enqueue({
    kind: ALERT_REFRESH_JOB,
    payload: JSON.stringify({ stored, eventId }),
    dedupeKeys: [`refresh:${eventId}`],
    runAt: options.clock.now() + (options.refreshDelayMs ?? 60_000),
  });
}

/** WebHook types of a playbook error (the payload is undocumented: reference sekoia-api §10.3). */
/** WebHook types of a rule added to the catalog (undocumented: reference sekoia-api §10.1). */
const CATALOG_TYPES: ReadonlySet<string> = new Set(['rule', 'rules-catalog', 'catalog-rule']);

const PLAYBOOK_TYPES: ReadonlySet<string> = new Set([
  'playbook',
  'playbook-error',
  'playbook_run',
  'playbook-run',
]);

/** All the WebHook says of a report: its id, maybe its name; TLP unknown stays unknown. */
function reportFromWebhook(uuid: string, attributes: Readonly<Record<string, unknown>>): ReportFields {
  const name = typeof attributes.name === 'string' ? attributes.name.slice(0, 500) : undefined;
  return {
    uuid,
    name,
    description: undefined,
    threats: [],
    sectors: [],
    countries: [],
    tlp: undefined,
    confidence: undefined,
    flint: undefined,
  };
}

/** The body as received, read leniently: a shape the normalizers cannot read is kept as "other". */
function parseStored(job: Job): StoredEvent {
  return parseStoredEvent(job.payload);
}

function errorCode(error: unknown): string {
  return isBotError(error) ? error.code : 'unexpected_error';
}
