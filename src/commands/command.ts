import type { AccessNeed } from '../access/access-level.ts';
import type { AccessGuard } from '../access/create-access-guard.ts';
import type { Clock } from '../clock.ts';
import type { DigestPanel } from '../delivery/create-digest-panel.ts';
import type { HoldPanel } from '../delivery/create-hold-panel.ts';
import type { RollupView, StormPanel } from '../delivery/create-storm-panel.ts';
import type { IdentityLinks } from '../identity/create-identity-links.ts';
import type { Previewer } from '../preview/create-previewer.ts';
import type { RuleStore } from '../rules/rule-store.ts';
import type { CommandContext } from './command-context.ts';

/** What `status` reports beyond the rules; null when not known (yet). */
export interface StatusReport {
  sekoiaReachable: boolean | null;
  /** Epoch ms. */
  lastWebhookAt: number | null;
  pendingDeliveries: number | null;
  /** Jobs on the dead-letter list (`npm run queue -- dead` lists them); null when the queue did not answer. */
  deadLetters?: number | null;
  /** WebHook types the bot keeps but has no card for, with how many and when last. */
  keptTypes?: readonly { type: string; count: number; lastAt: number }[];
  /** Scheduled jobs: last run and its result. */
  jobs?: readonly { name: string; lastRunAt: number | null; result: string }[];
  /** Channels in storm mode, with their roll-ups. */
  storms?: readonly RollupView[];
  /** The last catch-up after missed WebHooks: when, what it listed and queued, summaries posted. */
  catchUp?: {
    at: number;
    first: boolean;
    listed: number;
    missed: number;
    newToBot: number;
    more: boolean;
    summaries: number;
  } | null;
}

export interface StatusSource {
  read(): Promise<StatusReport>;
}

/** What the commands need; the composition root provides it. */
export interface CommandServices {
  rules: RuleStore;
  clock: Clock;
  /** Uniform in [0, 1), for rule ids. */
  random: () => number;
  status: StatusSource;
  /** Card budgets and roll-ups (`storm`). */
  storms: StormPanel;
  /** Who may act in each channel: checked by runCommand, read and set by `access`. */
  access: AccessGuard;
  /** Working hours and maintenance windows (`hours`, `maintenance`). */
  holds: HoldPanel;
  /** The channel's daily digest (`digest`). */
  digests: DigestPanel;
  /** Linked identities (`link`, `unlink`); linking is off when absent. */
  identities?: IdentityLinks;
  /** Counts what a rule would have posted (`preview`, `subscribe … --preview`); off when absent. */
  preview?: Previewer;
}

export interface Command {
  name: string;
  /** `mute <rule-id> <duration> [reason]` */
  usage: string;
  summary: string;
  examples: readonly string[];
  /**
   * What running it with these arguments asks of the channel's access policy: `act` for what
   * changes things, `govern` for changing the policy itself; open to every member when absent or
   * undefined (what only reads). runCommand checks it before `run`. `ctx` says what the platform
   * can do: what it cannot is refused by `run` to whoever asks, as a usage error changes nothing.
   */
  needs?(args: string, ctx: CommandContext): AccessNeed | undefined;
  /** `args` is the text after the command name. */
  run(ctx: CommandContext, args: string, services: CommandServices): Promise<void>;
}
