import type { AlertState } from '../../src/delivery/alert-state-store.ts';
import { alertSchema, type SekoiaAlert } from '../../src/sekoia/alert-schema.ts';
import { stormAlert } from '../delivery/storm-alerts.ts';
import { buildAlert } from '../fakes/fake-sekoia/index.ts';

/** A listed alert (as the listing client reads it): `n` names it, updated at `updatedAt` (Unix s). */
export function listedAlert(n: number, updatedAt: number): SekoiaAlert {
  const uuid = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  return alertSchema.parse(
    buildAlert({ uuid, short_id: `ALc${n}`, updated_at: updatedAt, created_at: updatedAt }),
  );
}

/** What the bot keeps of an alert it read at `observedAt` (epoch ms). */
export function stateObservedAt(uuid: string, observedAt: number): AlertState {
  return {
    notification: {
      kind: 'alert',
      trigger: 'alert-raised',
      event: { id: 'e1', type: 'alert', action: 'created', createdAt: '', receivedAt: observedAt },
      alert: { ...stormAlert(1), uuid },
      changes: [],
      enriched: true,
      workflow: [],
      observedAt,
    },
    activity: null,
  };
}
