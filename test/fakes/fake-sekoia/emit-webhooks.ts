import { randomUUID } from 'node:crypto';
import type { Clock } from '../../../src/clock.ts';
import { type AlertWebhookPayload, buildAlertWebhook } from './build-alert-webhook.ts';
import {
  buildTriggerWebhook,
  type TriggerEvent,
  type TriggerWebhookPayload,
} from './build-trigger-webhooks.ts';
import type { FakeAlert } from './fake-alert.ts';
import { FAKE_COMMUNITY_UUID } from './sample-payloads.ts';

export type SekoiaWebhookPayload = AlertWebhookPayload | TriggerWebhookPayload;

export interface WebhookDelivery {
  payload: SekoiaWebhookPayload;
  /** HTTP status the receiver answered, once known. */
  status?: number;
  error?: string;
}

export interface WebhookEmitter {
  /** Where notifications go (the bot's `/hooks/sekoia/{secret}` URL); undefined = none sent. */
  setUrl(url: string | undefined): void;
  alertCreated(alert: FakeAlert): void;
  alertUpdated(alert: FakeAlert, updated: Record<string, unknown>): void;
  /** A notification of another trigger (report, playbook error, …); returns what was sent, if anything. */
  emit(event: TriggerEvent): TriggerWebhookPayload | undefined;
  readonly deliveries: WebhookDelivery[];
  /** Resolves once every notification sent so far has been answered (or failed). */
  settle(): Promise<void>;
}

export interface WebhookEmitterOptions {
  clock: Clock;
  url?: string | undefined;
  /** Add `metadata.uuid` like the LiveAPI stream does; the documented WebHook example has none. */
  withUuid?: boolean;
}

/** Sends v2 WebHook notifications like Sekoia.io does (reference §3.2), with the URL path as the only secret. */
export function createWebhookEmitter(options: WebhookEmitterOptions): WebhookEmitter {
  let url = options.url;
  const deliveries: WebhookDelivery[] = [];
  const inFlight = new Set<Promise<void>>();
  const send = (payload: SekoiaWebhookPayload): boolean => {
    if (url === undefined) return false;
    const delivery: WebhookDelivery = { payload };
    deliveries.push(delivery);
    const body = JSON.stringify(payload);
    const pending = fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
      .then(async (response) => {
        delivery.status = response.status;
        await response.arrayBuffer();
      })
      .catch((error: unknown) => {
        delivery.error = error instanceof Error ? error.message : String(error);
      })
      .finally(() => inFlight.delete(pending));
    inFlight.add(pending);
    return true;
  };
  const metadata = () => ({
    createdAt: options.clock.now(),
    ...(options.withUuid ? { uuid: randomUUID() } : {}),
  });
  return {
    setUrl: (next) => {
      url = next;
    },
    alertCreated: (alert) => {
      send(buildAlertWebhook({ alert, action: 'created', ...metadata() }));
    },
    alertUpdated: (alert, updated) => {
      send(buildAlertWebhook({ alert, action: 'updated', updated, ...metadata() }));
    },
    emit(event) {
      const payload = buildTriggerWebhook(event, { communityUuid: FAKE_COMMUNITY_UUID, ...metadata() });
      return send(payload) ? payload : undefined;
    },
    deliveries,
    async settle() {
      while (inFlight.size > 0) await Promise.all(inFlight);
    },
  };
}
