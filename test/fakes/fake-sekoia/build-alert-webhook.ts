import type { FakeAlert } from './fake-alert.ts';

/** The v2 WebHook notification Sekoia.io POSTs for an alert (reference §3.2). */
export interface AlertWebhookPayload {
  type: 'alert';
  action: 'created' | 'updated';
  attributes: { uuid: string; short_id: string; updated?: Record<string, unknown>; [key: string]: unknown };
  metadata: {
    version: 2;
    created_at: string;
    community_uuid: string;
    avatar_uuid: null;
    user_uuid: null;
    permissions: [];
    uuid?: string;
  };
}

export interface BuildAlertWebhookInput {
  alert: Pick<FakeAlert, 'uuid' | 'short_id' | 'community_uuid'>;
  action: 'created' | 'updated';
  /** Changed fields, for `updated`: `{ status, status_name }`, `{ similar }`, `{ dynamic_urgency_value }`. */
  updated?: Record<string, unknown>;
  /** Event time: epoch ms or an ISO string; defaults to now. */
  createdAt?: number | string;
  /** `metadata.uuid`, seen on the LiveAPI stream but not in the documented WebHook example. */
  uuid?: string;
  /** Extra attributes seen on the v2 stream (`status_name`, `rule_name`, …); optional in real traffic. */
  extraAttributes?: Record<string, unknown>;
}

/** Sekoia's event time style: microseconds and a `+00:00` offset. */
export function toSekoiaEventTime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.(\d{3})Z$/, '.$1000+00:00');
}

export function buildAlertWebhook(input: BuildAlertWebhookInput): AlertWebhookPayload {
  const createdAt = input.createdAt ?? Date.now();
  return {
    type: 'alert',
    action: input.action,
    attributes: {
      ...input.extraAttributes,
      uuid: input.alert.uuid,
      short_id: input.alert.short_id,
      ...(input.updated === undefined ? {} : { updated: input.updated }),
    },
    metadata: {
      version: 2,
      created_at: typeof createdAt === 'string' ? createdAt : toSekoiaEventTime(createdAt),
      community_uuid: input.alert.community_uuid,
      avatar_uuid: null,
      user_uuid: null,
      permissions: [],
      ...(input.uuid === undefined ? {} : { uuid: input.uuid }),
    },
  };
}
