import { summarizeAlert } from '../normalize/normalize-alert.ts';
import type { AlertSummary, AlertTrigger } from '../normalize/notification.ts';
import { alertFacts } from '../rules/alert-facts.ts';
import type { Condition } from '../rules/rule.ts';
import type { TriggerFacts } from '../rules/trigger-facts.ts';
import type { SekoiaAlert } from '../sekoia/alert-schema.ts';

/** Names an alert's assets as live delivery does (delivery/resolve-alert-assets.ts); never rejects. */
export interface AssetNamer {
  resolve(alert: AlertSummary): Promise<AlertSummary>;
}

/** Conditions that read what the asset API adds to an alert (names; criticality when the alert has none). */
export function needsAssets(conditions: readonly Condition[]): boolean {
  return conditions.some((condition) => condition.key === 'asset' || condition.key === 'criticality');
}

/**
 * The facts live delivery matches for this alert as read from the API: the same summary
 * (normalize-alert.ts), the same asset naming when a condition needs it, the same alertFacts().
 * The listing does not say what changed, so `change` is unknown (preview refuses rules on it).
 */
export async function previewFacts(
  alert: SekoiaAlert,
  trigger: AlertTrigger,
  assets: AssetNamer | undefined,
): Promise<TriggerFacts> {
  // The link is not a fact: no app URL needed.
  const summary = summarizeAlert(alert, '');
  const named = assets === undefined ? summary : await assets.resolve(summary);
  return alertFacts({ trigger, alert: named, changes: [] });
}
