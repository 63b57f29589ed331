import type { Config } from '../config/load-config.ts';
import type { ChannelRef } from '../rules/rule.ts';

/**
 * `npm run doctor`: one line of the checklist. `ok` passed; `fail` is wrong and makes the doctor
 * exit non-zero, with `fix` saying what to do; `skip` could not be tried from here (its `detail`
 * says why, `fix` how to check by hand) and does not fail the run.
 */
export type CheckState = 'ok' | 'fail' | 'skip';

export interface CheckOutcome {
  state: CheckState;
  /** What was seen, one line, never a secret (no token, key or WebHook secret). */
  detail: string;
  /** For `fail` (required) and `skip` (optional): what the operator does next, one or two lines. */
  fix?: string;
}

/** What every check may use: the validated configuration, and fetch with a deadline. */
export interface DoctorContext {
  config: Readonly<Config>;
  /** fetch with the doctor's per-request deadline; rejects on network errors and timeouts. */
  fetch(url: string, init?: RequestInit): Promise<Response>;
  /**
   * The channels that have at least one rule in the configured store, for one platform id (the bot
   * must be a member of each to post there). Rejects when the store cannot be read: the check then
   * answers `skip` naming the store.
   */
  ruleChannels(platform: string): Promise<readonly ChannelRef[]>;
}

/**
 * One check. `group` is the checklist's heading (a platform's display name, "Sekoia.io", "Bot").
 * A check whose prerequisite failed (e.g. the key is invalid, so its permissions cannot be tried)
 * answers `skip` naming that prerequisite, rather than failing again for the same cause.
 */
export interface DoctorCheck {
  id: string;
  group: string;
  title: string;
  run(context: DoctorContext): Promise<CheckOutcome>;
}
