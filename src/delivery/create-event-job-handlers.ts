import type { Clock } from '../clock.ts';
import { isBotError } from '../errors.ts';
import { readableAlertUuid } from '../ingress/read-sekoia-event.ts';
import type { StoredEvent } from '../ingress/stored-event.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics/create-metrics.ts';
import { normalizeAlert } from '../normalize/normalize-alert.ts';
import type { AlertNotification } from '../normalize/notification.ts';
import { encodeJob } from '../queue/encode-job.ts';
import type { JobHandler } from '../queue/job-kind.ts';
import type { NewJob } from '../queue/job-queue.ts';
import type { SekoiaAlert } from '../sekoia/alert-schema.ts';
import type { WorkflowReader } from '../sekoia/create-workflow-reader.ts';
import type { SekoiaApi } from '../sekoia/sekoia-api.ts';
import { alertStatusRef } from '../sekoia/standard-workflow.ts';
import type { WorkflowAction } from '../sekoia/workflow-schema.ts';
import type { Notification } from '../triggers/trigger-table.ts';
import { type AlertRefreshJob, alertRefreshJob } from './alert-refresh-job.ts';
import { createNonAlertNormalizer, type NonAlertOptions } from './create-non-alert-normalizer.ts';
import { createReadCoalescer } from './create-read-coalescer.ts';
import { deferToReadSlot } from './defer-to-read-slot.ts';
import type { DeliveryPort } from './delivery-port.ts';
import type { AssetResolver } from './resolve-alert-assets.ts';

export interface EventJobOptions extends Omit<NonAlertOptions, 'enrichAttempts'> {
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
  /** Delay before the first try at completing a WebHook-only card. */
  refreshDelayMs?: number;
  /** Names the alert's assets (asset API, cached); without it cards show asset UUIDs. */
  assets?: AssetResolver;
  /** At most one Sekoia.io read of an alert per this many ms; notifications in between wait for it. */
  coalesceMs?: number;
}

/** One read of an alert: the alert and the workflow its status allows (undefined: the built-in one). */
interface Enrichment {
  alert: SekoiaAlert;
  workflow: WorkflowAction[] | undefined;
}

export interface EventJobHandlers {
  /** `sekoia-event`: a WebHook notification, enriched from the API when it can be. */
  sekoiaEvent: JobHandler<StoredEvent>;
  /** `alert-refresh`: a card posted from the WebHook alone, completed once the API answers. */
  alertRefresh: JobHandler<AlertRefreshJob>;
}

/** The queue handlers that turn stored events into delivered notifications. */
export function createEventJobHandlers(options: EventJobOptions): EventJobHandlers {
  const enrichAttempts = options.enrichAttempts ?? 4;
  const normalizeNonAlert = createNonAlertNormalizer({ ...options, enrichAttempts });
  const coalesceMs = options.coalesceMs ?? 2_000;
  const reads = createReadCoalescer<Enrichment>({ now: () => options.clock.now() });

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

  // The body as received, read leniently: a shape the normalizers cannot read is kept as "other".
  const handleEvent: JobHandler<StoredEvent> = async (stored, job, log) => {
    // Not a created/updated alert with a valid UUID (whatever the WebHook lacks): not worked on as one.
    const alertId = readableAlertUuid(stored.event);
    if (alertId === undefined) return deliver(await normalizeNonAlert(stored, job, log));
    const slot = { enqueue: options.enqueue, now: () => options.clock.now(), coalesceMs };
    if (await deferToReadSlot({ ...slot, lastReadAt: reads.lastStartedAt(alertId) }, stored, alertId)) return;
    let read: { value: Enrichment; observedAt: number } | undefined;
    try {
      // Notifications of this alert that waited share one read started after they arrived.
      read = await reads.read(alertId, stored.receivedAt, async () => {
        const alert = await options.sekoia.getAlert(alertId);
        return { alert, workflow: await readWorkflow(alert, log) };
      });
    } catch (error) {
      const retryable = !isBotError(error) || error.retryable;
      if (retryable && job.attempts < enrichAttempts) throw error;
      log.warn(
        { err: errorCode(error), alertUuid: alertId },
        'alert could not be read; posting from the WebHook',
      );
      if (retryable) await scheduleRefresh(options, stored, job.id);
    }
    const { alert, workflow } = read?.value ?? {};
    const observedAt = read?.observedAt ?? options.clock.now();
    await deliver(
      await withAssets(
        normalizeAlert({ stored, eventId: job.id, alert, workflow, appUrl: options.appUrl, observedAt }),
      ),
    );
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

  const handleRefresh: JobHandler<AlertRefreshJob> = async ({ stored, eventId }, _job, log) => {
    // When the read starts, not when it ends: see createReadCoalescer.
    const observedAt = options.clock.now();
    const alert = await options.sekoia.getAlert(stored.event.attributes.uuid ?? '');
    const workflow = await readWorkflow(alert, log);
    await deliver(
      await withAssets(
        normalizeAlert({ stored, eventId, alert, workflow, appUrl: options.appUrl, observedAt }),
      ),
    );
  };

  return { sekoiaEvent: handleEvent, alertRefresh: handleRefresh };
}

async function scheduleRefresh(
  options: EventJobOptions,
  stored: StoredEvent,
  eventId: string,
): Promise<void> {
  await options.enqueue(
    encodeJob(
      alertRefreshJob,
      { stored, eventId },
      {
        dedupeKeys: [`refresh:${eventId}`],
        runAt: options.clock.now() + (options.refreshDelayMs ?? 60_000),
      },
    ),
  );
}

function errorCode(error: unknown): string {
  return isBotError(error) ? error.code : 'unexpected_error';
}
