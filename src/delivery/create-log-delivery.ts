import type { Logger } from '../log.ts';
import { logSafe } from '../log.ts';
import type { Notification } from '../normalize/notification.ts';
import type { DeliveryPort } from './delivery-port.ts';

/** The delivery used while no chat platform is wired: it says what it would post. */
export function createLogDelivery(log: Logger): DeliveryPort {
  return {
    deliver: async (notification) => {
      log.info({ notification: describe(notification) }, 'would deliver');
    },
  };
}

function describe(notification: Notification): Record<string, unknown> {
  if (notification.kind === 'other') {
    return { kind: 'other', eventId: notification.event.id, type: logSafe(notification.event.type, 100) };
  }
  const { alert } = notification;
  return {
    kind: 'alert',
    eventId: notification.event.id,
    trigger: notification.trigger,
    alertUuid: alert.uuid,
    alert: alert.shortId,
    title: logSafe(alert.title ?? '', 120),
    urgency: alert.urgency,
    status: logSafe(alert.status.name ?? '', 60),
    changes: notification.changes,
    enriched: notification.enriched,
  };
}
