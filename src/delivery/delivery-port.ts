import type { Notification } from '../triggers/trigger-table.ts';

/**
 * Where notifications go once normalized. Implementations must tolerate the same notification
 * twice (the queue delivers at least once): the platforms key their cards by alert and channel.
 */
export interface DeliveryPort {
  deliver(notification: Notification): Promise<void>;
}
