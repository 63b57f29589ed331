import { alertLink } from './alert-link.ts';
import type { AlertSummary } from './notification.ts';
import { urgencyLevel } from './urgency-level.ts';

/**
 * The best card the WebHook alone allows, for when the API cannot be read (spec §7). The extra
 * attributes are optional stream fields (reference §3.2): each is used only if it has the right type.
 */
export function summarizeWebhookAlert(
  attributes: Readonly<Record<string, unknown>>,
  appUrl: string,
): AlertSummary {
  const uuid = text(attributes.uuid) ?? '';
  const shortId = text(attributes.short_id);
  const updated = isRecord(attributes.updated) ? attributes.updated : {};
  const urgency = number(attributes.urgency_current_value) ?? number(updated.dynamic_urgency_value);
  return {
    uuid,
    shortId,
    title: text(attributes.rule_name),
    urgency,
    urgencyLevel: urgencyLevel(urgency),
    status: {
      uuid: text(attributes.status_uuid) ?? text(updated.status),
      name: text(attributes.status_name) ?? text(updated.status_name),
    },
    entity: { uuid: text(attributes.entity_uuid), name: text(attributes.entity_name) },
    rule: { uuid: text(attributes.rule_uuid), name: text(attributes.rule_name) },
    alertType: { category: text(attributes.alert_type_category), value: text(attributes.alert_type_value) },
    assets: Array.isArray(attributes.assets_uuids)
      ? attributes.assets_uuids
          .filter(isText)
          .map((uuid) => ({ uuid, name: undefined, criticality: undefined }))
      : [],
    // The WebHook carries no criticality (reference §3.2): the assets' own, once read, stand in.
    criticality: undefined,
    occurrences: number(attributes.similar) ?? number(updated.similar),
    firstSeenAt: text(attributes.first_seen_at),
    lastSeenAt: text(attributes.last_seen_at),
    communityUuid: undefined,
    link: alertLink(appUrl, shortId ?? uuid),
  };
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 1_000;
}

function text(value: unknown): string | undefined {
  return isText(value) ? value : undefined;
}

function number(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
