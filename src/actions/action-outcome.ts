import type { AlertState } from '../delivery/alert-state-store.ts';
import type { PlatformId } from '../rules/platform-id.ts';

/** Who clicked, as the platform vouches for it. */
export interface ActingUser {
  id: string;
  name: string;
  platform: PlatformId;
}

/** What an action did, for the clicker (plain text) and the card (the new state, when it changed). */
export type ActionOutcome =
  | { ok: true; message: string; state?: AlertState }
  | { ok: false; message: string };
