import type { AlertNotification } from '../normalize/notification.ts';
import type { CardActivity } from './alert-card.ts';

/** The newest known state of an alert: every card of it renders from this, whatever job runs last. */
export interface AlertState {
  notification: AlertNotification;
  /** The last thing done to it from chat, and the status it led to. */
  activity: (CardActivity & { status: string | undefined }) | null;
}

export interface AlertStateStore {
  get(alertUuid: string): Promise<AlertState | undefined>;
  /**
   * Keeps `state` unless a state observed later is already stored; resolves with the state kept.
   * Activity survives a newer notification that does not carry one.
   */
  offer(state: AlertState): Promise<AlertState>;
}
