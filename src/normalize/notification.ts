import type { WorkflowActionKey } from '../sekoia/workflow-constants.ts';

/** The platform-neutral notification that rules match and platforms render. */

export type AlertTrigger = 'alert-raised' | 'alert-updated';
export type UrgencyLevel = 'low' | 'medium' | 'high';
export type AlertChange = 'status' | 'urgency' | 'occurrence';

export interface NamedRef {
  uuid: string | undefined;
  name: string | undefined;
}

/** An impacted asset: its UUID, and its name and criticality once read from the asset API. */
export interface AlertAsset {
  uuid: string;
  name: string | undefined;
  /** 0–100 (Sekoia.io asset criticality). */
  criticality: number | undefined;
}

export interface AlertSummary {
  uuid: string;
  shortId: string | undefined;
  title: string | undefined;
  /** 0–100, as `urgency.current_value`. */
  urgency: number | undefined;
  urgencyLevel: UrgencyLevel | undefined;
  status: NamedRef;
  entity: NamedRef;
  rule: NamedRef;
  alertType: { category: string | undefined; value: string | undefined };
  assets: readonly AlertAsset[];
  /** The alert's asset criticality (`urgency.criticity`, 0–100), when Sekoia.io gives it. */
  criticality: number | undefined;
  /** Sekoia's `similar` counter, shown as "Occurrences". */
  occurrences: number | undefined;
  firstSeenAt: string | undefined;
  lastSeenAt: string | undefined;
  communityUuid: string | undefined;
  /** "Open in Sekoia.io". */
  link: string;
}

export interface EventRef {
  /** Id of the stored event (the queue job that carried it). */
  id: string;
  type: string;
  action: string;
  createdAt: string;
  receivedAt: number;
}

export interface AlertNotification {
  kind: 'alert';
  trigger: AlertTrigger;
  event: EventRef;
  alert: AlertSummary;
  /** What changed, for `alert-updated` (from the WebHook's `updated` hint). */
  changes: readonly AlertChange[];
  /** False when the Sekoia.io API could not be read and the card is built from the WebHook alone. */
  enriched: boolean;
  /** Workflow actions allowed from the current status (Sekoia's workflow), in button order. */
  workflow: readonly WorkflowActionKey[];
  /** Epoch ms at which the read of the alert started (or the card fell back on the WebHook): newer reads win. */
  observedAt: number;
}

/**
 * What a compact card shows, platform-neutral. Every string is untrusted plain text except `link`,
 * which the normalizer builds (http(s) only); each platform escapes for its own markup.
 */
export interface CompactSummary {
  title: string;
  link: string | undefined;
  linkLabel: string;
  /** Colour / container style. */
  tone: 'info' | 'good' | 'warning' | 'danger';
  /** A short label beside the title, e.g. `TLP:AMBER`, `CRASHED`. */
  badge: string | undefined;
  facts: readonly { title: string; value: string }[];
  text: string | undefined;
}

/** Any other notification type: kept whole for the triggers that come later, never dropped. */
export interface OtherNotification {
  kind: 'other';
  event: EventRef;
  known: boolean;
  attributes: Readonly<Record<string, unknown>>;
}
