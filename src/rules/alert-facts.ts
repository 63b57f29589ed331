import type { AlertAsset, AlertNotification, NamedRef } from '../normalize/notification.ts';
import type { FactRef, TriggerFacts } from './trigger-facts.ts';

export interface AlertFactsOptions {
  /** Asset criticality (0–100) that overrides what the notification says. */
  criticality?: number | undefined;
}

/**
 * The facts of an alert notification that `alert-raised` / `alert-updated` rules look at (live
 * delivery, and the preview of a rule over listed alerts: the same facts, so they cannot disagree).
 */
export function alertFacts(
  notification: Pick<AlertNotification, 'trigger' | 'alert' | 'changes'>,
  options: AlertFactsOptions = {},
): TriggerFacts {
  const { alert } = notification;
  const { category, value } = alert.alertType;
  return {
    trigger: notification.trigger,
    urgency: alert.urgency,
    criticality: options.criticality ?? alert.criticality ?? highestCriticality(alert.assets),
    recurrence: alert.occurrences,
    status: refs(alert.status),
    // By UUID, or by name once the asset API named it (spec §5: `asset` takes a UUID or a name).
    asset: alert.assets.map(({ uuid, name }) => ({ uuid, name })),
    entity: refs(alert.entity),
    rule: refs(alert.rule),
    community: alert.communityUuid === undefined ? [] : [{ uuid: alert.communityUuid }],
    type: [category, value].filter((part): part is string => part !== undefined && part !== ''),
    change: notification.trigger === 'alert-updated' ? notification.changes : [],
  };
}

function refs(ref: NamedRef): FactRef[] {
  return ref.uuid === undefined && ref.name === undefined ? [] : [{ uuid: ref.uuid, name: ref.name }];
}

/** Without the alert's own `urgency.criticity` (a WebHook-only card), its most critical known asset. */
function highestCriticality(assets: readonly AlertAsset[]): number | undefined {
  const known = assets.flatMap((asset) => (asset.criticality === undefined ? [] : [asset.criticality]));
  return known.length === 0 ? undefined : Math.max(...known);
}
