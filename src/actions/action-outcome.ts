import type { AlertState } from '../delivery/alert-state-store.ts';
import type { PlatformId } from '../rules/platform-id.ts';

/** Who clicked, as the platform vouches for it. */
export interface ActingUser {
  id: string;
  name: string;
  platform: PlatformId;
  /** Their Sekoia.io name when they linked their own key (identity/): the action runs with it. */
  linkedAs?: string;
}

/** An urgency changed from the card, noted in its thread: "Urgency of AL…: 60 → 85 by alice: reason". */
export interface UrgencyNote {
  kind: 'urgency';
  by: string;
  /** The alert's short id (or UUID). */
  alert: string;
  from: number | undefined;
  to: number;
  reason: string;
}

/**
 * What an action did, for the clicker (plain text), the card (the new state, when it changed) and
 * the card's thread (`note`, said by the action's `follow`).
 */
export type ActionOutcome =
  | { ok: true; message: string; state?: AlertState; note?: UrgencyNote }
  | { ok: false; message: string };
