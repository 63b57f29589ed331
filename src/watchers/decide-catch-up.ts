import type { AlertState } from '../delivery/alert-state-store.ts';
import type { SekoiaAlert } from '../sekoia/alert-schema.ts';

/** What the catch-up does with a listed alert. */
export type CatchUpDecision = 'seen' | 'new' | 'changed';

/**
 * Whether the bot has seen the alert at its listed version. `new`: it never read it (no state: every
 * alert read is kept, matched or not). `seen`: its newest read started after the second of the
 * listed `updated_at` had ended, so that read saw this version or a later one (`updated_at` is in
 * whole seconds; a read within the same second may predate the update and does not count).
 * `changed` otherwise: a missed update. Reading the version off the bot's own clock errs on the
 * safe side when clocks drift: a wrong `changed` costs one more read and a card edit with the same
 * content, never a second card (the card-per-alert map), and the dedupe key
 * `catch-up:<uuid>:<updated_at>` queues a version once however many runs list it.
 */
export function decideCatchUp(state: AlertState | undefined, alert: SekoiaAlert): CatchUpDecision {
  if (state === undefined) return 'new';
  const updatedAtMs = (alert.updated_at ?? 0) * 1_000;
  return state.notification.observedAt >= updatedAtMs + 1_000 ? 'seen' : 'changed';
}
