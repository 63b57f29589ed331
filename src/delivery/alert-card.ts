import type { AlertAsset, AlertNotification, UrgencyLevel } from '../normalize/notification.ts';
import type { WorkflowActionKey } from '../sekoia/workflow-constants.ts';

/** Something done to the alert from chat, shown on the card ("Acknowledged by alice"). */
export interface CardActivity {
  /** Past tense, e.g. "Acknowledged". */
  verb: string;
  /** Chat user name (untrusted text). */
  by: string;
  platform: 'mattermost' | 'teams';
  /** Epoch ms. */
  at: number;
}

/**
 * What an alert card shows, platform-neutral: every string that comes from the alert is untrusted
 * plain text; each platform escapes it for its own markup.
 */
export interface AlertCard {
  alertUuid: string;
  shortId: string | undefined;
  title: string;
  /** "Open in Sekoia.io". */
  link: string;
  urgency: number | undefined;
  urgencyLevel: UrgencyLevel | undefined;
  status: string | undefined;
  entity: string | undefined;
  rule: string | undefined;
  alertType: string | undefined;
  /** By name with criticality once the asset API answered; by UUID otherwise. */
  assets: readonly AlertAsset[];
  occurrences: number | undefined;
  /** ISO timestamps as Sekoia.io gives them. */
  firstSeenAt: string | undefined;
  lastSeenAt: string | undefined;
  /** The channel's rule that matched. */
  matchedRule: { id: string; name: string | undefined };
  /** Workflow buttons, in display order, that the current status allows. */
  workflowActions: readonly WorkflowActionKey[];
  /** False when the card was built from the WebHook alone (the API could not be read). */
  enriched: boolean;
  lastActivity: CardActivity | undefined;
}

export interface BuildAlertCardInput {
  notification: AlertNotification;
  matchedRule: { id: string; name: string | undefined };
  workflowActions: readonly WorkflowActionKey[];
  lastActivity?: CardActivity | undefined;
}

/** Notification + the matching rule + the workflow → the card view model. */
export function buildAlertCard(input: BuildAlertCardInput): AlertCard {
  const { alert } = input.notification;
  const { category, value } = alert.alertType;
  return {
    alertUuid: alert.uuid,
    shortId: alert.shortId,
    title: alert.title ?? 'Untitled alert',
    link: alert.link,
    urgency: alert.urgency,
    urgencyLevel: alert.urgencyLevel,
    status: alert.status.name,
    entity: alert.entity.name ?? alert.entity.uuid,
    rule: alert.rule.name ?? alert.rule.uuid,
    alertType: [category, value].filter((part) => part !== undefined && part !== '').join(' / ') || undefined,
    assets: alert.assets,
    occurrences: alert.occurrences,
    firstSeenAt: alert.firstSeenAt,
    lastSeenAt: alert.lastSeenAt,
    matchedRule: input.matchedRule,
    workflowActions: input.workflowActions,
    enriched: input.notification.enriched,
    lastActivity: input.lastActivity,
  };
}
