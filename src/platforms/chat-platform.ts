import type { ActionRunner } from '../actions/create-action-runner.ts';
import type { ActionSigner } from '../actions/create-action-signer.ts';
import type { Clock } from '../clock.ts';
import type { CommandServices } from '../commands/command.ts';
import type { CommandRegistry } from '../commands/create-command-registry.ts';
import type { Config } from '../config/load-config.ts';
import type { AlertStateStore } from '../delivery/alert-state-store.ts';
import type { CardSink } from '../delivery/card-sink.ts';
import type { CardStore } from '../delivery/card-store.ts';
import type { PlatformGate } from '../delivery/create-platform-gate.ts';
import type { PlatformLabel, PlatformNames } from '../delivery/platform-names.ts';
import type { DoctorCheck } from '../doctor/doctor-check.ts';
import type { Logger } from '../log.ts';
import type { RecoveryNotifier } from '../queue/create-recovery-notifier.ts';
import type { Route } from '../server/create-server.ts';
import type { Store } from '../storage/create-store.ts';

/** What every platform is built from: the same object for each, whatever part of it a platform uses. */
export interface PlatformDeps {
  config: Readonly<Config>;
  /** A platform keeps its own records (e.g. conversation references) under its own namespace. */
  store: Store;
  signer: ActionSigner;
  actions: ActionRunner;
  cards: CardStore;
  states: AlertStateStore;
  /** Every platform's names: a card shows what was done from the other platforms too. */
  names: PlatformNames;
  registry: CommandRegistry;
  services: CommandServices;
  clock: Clock;
  log: Logger;
  /** How long a slash command may run before "Working on it…" (tests shorten it). */
  commandDeadlineMs?: number | undefined;
  /** Told of each answered request, so that jobs waiting for this platform's outage run at once. */
  recovery?: RecoveryNotifier | undefined;
}

/** A built platform: where its cards go, and the routes its commands and clicks come in by. */
export interface PlatformParts {
  sink: CardSink;
  routes: Route[];
  /** The gate its client's requests pass: every sink call is then run in it, with its lane. */
  gate?: PlatformGate;
}

/**
 * One chat platform, behind one folder (src/platforms/<id>/): its id and names, whether the config
 * turns it on, what it says at start, and how it is built. Inside, it decodes its commands and card
 * clicks into `CommandContext` / `ActionContext` and encodes the answers. The composition root
 * builds every platform of platform-list.ts that is enabled, and knows no platform by name.
 */
export interface ChatPlatform extends PlatformLabel {
  enabled(config: Readonly<Config>): boolean;
  /** Why `enabled` is false, in the start log's words (a platform that is always on has none). */
  offReason?: string;
  /** The first-run page's few set-up lines (PUBLIC_URL filled in), and its guide in the repository. */
  setup: { steps(publicUrl: string): readonly string[]; guide: string };
  /** `npm run doctor`'s checks of this platform against its real service (only when enabled). */
  doctorChecks?(config: Readonly<Config>): readonly DoctorCheck[];
  /** Logs the platform's state at start (on/off, authentication, what is missing). */
  announce(config: Readonly<Config>, log: Logger): void;
  create(deps: PlatformDeps): PlatformParts;
}
