import type { AlertState } from '../delivery/alert-state-store.ts';
import type { AlertNotification } from '../normalize/notification.ts';
import type { ActingUser } from './action-outcome.ts';
import type { ActionServices } from './card-action.ts';
import { rereadAlert } from './reread-alert.ts';

/**
 * After a card action changed the alert in Sekoia.io: the alert read again, and kept as its newest
 * state with what was done (`verb`), by whom and when, for every card of the alert to show.
 */
export async function rereadAndRecord(
  services: ActionServices,
  change: { alertUuid: string; user: ActingUser; verb: string; previous: AlertNotification | undefined },
): Promise<{ notification: AlertNotification; state: AlertState }> {
  const { alertUuid, user, verb, previous } = change;
  const notification = await rereadAlert(services, alertUuid, previous);
  const activity = {
    verb,
    by: user.name,
    platform: user.platform,
    at: services.clock.now(),
    status: notification.alert.status.name,
  };
  const state = await services.states.offer({ notification, activity });
  return { notification, state };
}
