import type { AlertAsset, AlertNotification, UrgencyLevel } from '../normalize/notification.ts';
import type { PlatformId } from '../rules/platform-id.ts';
import type { Mention } from '../rules/rule.ts';
import type { WorkflowActionKey } from '../sekoia/workflow-constants.ts';
import type { PlatformNames } from './platform-names.ts';

/** Something done to the alert from chat, as kept with the alert's state ("Acknowledged by alice"). */
export interface CardActivity {
  /** Past tense, e.g. "Acknowledged". */
  verb: string;
  /** Chat user name (untrusted text). */
  by: string;
  platform: PlatformId;
  /** Epoch ms. */
  at: number;
}

/** The same as the card shows it: the platform by its display name ("Microsoft Teams"). */
export interface ShownActivity {
  verb: string;
  by: string;
  from: string;
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
  lastActivity: ShownActivity | undefined;
  /**
   * Who the matched rule's `--notify` pings: the one place where the bot pings on purpose. Fixed
   * when the card is created, so edits show the same and ping nobody again.
   */
  mentions: readonly Mention[];
}

export interface BuildAlertCardInput {
  notification: AlertNotification;
  matchedRule: { id: string; name: string | undefined };
  workflowActions: readonly WorkflowActionKey[];
  lastActivity?: CardActivity | undefined;
  /** Names the platform of the last activity. */
  names: PlatformNames;
  /** See AlertCard.mentions; none when absent. */
  mentions?: readonly Mention[];
}

/** Notification + the matching rule + the workflow → the card view model. */
export function buildAlertCard(input: BuildAlertCardInput): AlertCard {
  const { alert } = input.notification;
  const { category, value } = alert.alertType;
  const activity = input.lastActivity;
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
    lastActivity: activity && {
      verb: activity.verb,
      by: activity.by,
      from: input.names.displayName(activity.platform),
      at: activity.at,
    },
    mentions: input.mentions ?? [],
  };
}
