import type { StoredEvent } from '../ingress/stored-event.ts';
import type { SekoiaAlert } from '../sekoia/alert-schema.ts';
import type { WorkflowAction } from '../sekoia/workflow-schema.ts';
import { alertLink } from './alert-link.ts';
import { allowedWorkflowActions } from './allowed-workflow-actions.ts';
import { detectAlertChanges } from './detect-alert-changes.ts';
import type { AlertAsset, AlertNotification, AlertSummary, EventRef } from './notification.ts';
import { summarizeWebhookAlert } from './summarize-webhook-alert.ts';
import { urgencyLevel } from './urgency-level.ts';

export interface NormalizeAlertInput {
  stored: StoredEvent;
  eventId: string;
  /** The alert as re-read from the API; absent when the API could not be read. */
  alert: SekoiaAlert | undefined;
  appUrl: string;
  /** The alert's allowed transitions as read from the API, when they could be read. */
  workflow?: readonly WorkflowAction[] | undefined;
  /** When the alert was read (epoch ms). */
  observedAt: number;
}

/** An alert WebHook plus (when available) the alert re-read from the API → AlertNotification. */
export function normalizeAlert(input: NormalizeAlertInput): AlertNotification {
  const { event } = input.stored;
  const summary = input.alert
    ? summarizeAlert(input.alert, input.appUrl)
    : summarizeWebhookAlert(event.attributes, input.appUrl);
  return {
    kind: 'alert',
    trigger: event.action === 'created' ? 'alert-raised' : 'alert-updated',
    event: eventRef(input.stored, input.eventId),
    alert: summary,
    changes: detectAlertChanges(event.attributes.updated),
    enriched: input.alert !== undefined,
    workflow: allowedWorkflowActions(input.workflow, summary.status),
    observedAt: input.observedAt,
  };
}

export function eventRef(stored: StoredEvent, eventId: string): EventRef {
  const { event } = stored;
  return {
    id: eventId,
    type: event.type,
    action: event.action ?? '',
    createdAt: event.metadata.created_at ?? event.metadata.created ?? '',
    receivedAt: stored.receivedAt,
  };
}

export function summarizeAlert(alert: SekoiaAlert, appUrl: string): AlertSummary {
  const urgency = alert.urgency.current_value;
  return {
    uuid: alert.uuid,
    shortId: alert.short_id,
    title: alert.title,
    urgency,
    urgencyLevel: urgencyLevel(urgency),
    status: { uuid: alert.status.uuid, name: alert.custom_status?.label ?? alert.status.name },
    entity: { uuid: alert.entity?.uuid, name: alert.entity?.name },
    rule: { uuid: alert.rule?.uuid, name: alert.rule?.name },
    alertType: { category: alert.alert_type?.category, value: alert.alert_type?.value },
    assets: alert.assets.map(unresolvedAsset),
    criticality: alert.urgency.criticity,
    occurrences: alert.similar,
    firstSeenAt: alert.first_seen_at ?? undefined,
    lastSeenAt: alert.last_seen_at ?? undefined,
    communityUuid: alert.community_uuid ?? undefined,
    link: alertLink(appUrl, alert.short_id ?? alert.uuid),
  };
}

/** An asset known by its UUID only, until the asset API names it (delivery/resolve-alert-assets.ts). */
export function unresolvedAsset(uuid: string): AlertAsset {
  return { uuid, name: undefined, criticality: undefined };
}
