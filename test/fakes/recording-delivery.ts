import type { DeliveryPort } from '../../src/delivery/delivery-port.ts';
import type { Notification } from '../../src/triggers/trigger-table.ts';

/** A delivery port that keeps what it was given, and can be made to fail. */
export interface RecordingDelivery extends DeliveryPort {
  readonly delivered: Notification[];
  /** The next `count` deliveries throw `error`. */
  failNext(count: number, error: Error): void;
}

export function createRecordingDelivery(): RecordingDelivery {
  const delivered: Notification[] = [];
  let failures: { count: number; error: Error } | undefined;
  return {
    delivered,
    failNext(count, error) {
      failures = { count, error };
    },
    async deliver(notification) {
      if (failures && failures.count > 0) {
        failures.count -= 1;
        throw failures.error;
      }
      delivered.push(notification);
    },
  };
}
