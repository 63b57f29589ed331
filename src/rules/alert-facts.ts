import type { AlertNotification, NamedRef } from '../normalize/notification.ts';
import type { FactRef, TriggerFacts } from './trigger-facts.ts';

export interface AlertFactsOptions {
  /** Asset criticality (0–100), when the caller knows it: the notification does not carry it. */
  criticality?: number | undefined;
}

/** The facts of an alert notification that `alert-raised` / `alert-updated` rules look at. */
export function alertFacts(notification: AlertNotification, options: AlertFactsOptions = {}): TriggerFacts {
  const { alert } = notification;
  const { category, value } = alert.alertType;
  return {
    trigger: notification.trigger,
    urgency: alert.urgency,
    criticality: options.criticality,
    recurrence: alert.occurrences,
    status: refs(alert.status),
    asset: alert.assets.map((uuid) => ({ uuid })),
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
