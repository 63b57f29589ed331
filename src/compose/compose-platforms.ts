import type { ActionRunner } from '../actions/create-action-runner.ts';
import type { ActionSigner } from '../actions/create-action-signer.ts';
import type { Clock } from '../clock.ts';
import type { CommandServices } from '../commands/command.ts';
import { createCommands } from '../commands/create-commands.ts';
import type { Config } from '../config/load-config.ts';
import type { AlertStateStore } from '../delivery/alert-state-store.ts';
import type { CardSink, CardSinks } from '../delivery/card-sink.ts';
import type { CardStore } from '../delivery/card-store.ts';
import type { Logger } from '../log.ts';
import { CHAT_PLATFORMS, PLATFORM_NAMES } from '../platforms/platform-list.ts';
import type { RecoveryNotifier } from '../queue/create-recovery-notifier.ts';
import type { Route } from '../server/create-server.ts';
import type { Store } from '../storage/create-store.ts';

/** The chat platforms of platform-list.ts that the config turns on, each built from the same deps. */
export function composePlatforms(deps: {
  config: Readonly<Config>;
  store: Store;
  signer: ActionSigner;
  actions: ActionRunner;
  cards: CardStore;
  states: AlertStateStore;
  services: CommandServices;
  clock: Clock;
  log: Logger;
  /** How long a slash command may run before "Working on it…" (tests shorten it). */
  commandDeadlineMs?: number | undefined;
  recovery?: RecoveryNotifier | undefined;
}): { sinks: CardSinks; routes: Route[] } {
  const shared = { ...deps, names: PLATFORM_NAMES, registry: createCommands() };
  const sinks: Record<string, CardSink> = {};
  const routes: Route[] = [];
  for (const platform of CHAT_PLATFORMS.filter((each) => each.enabled(deps.config))) {
    const parts = platform.create(shared);
    sinks[platform.id] = parts.sink;
    routes.push(...parts.routes);
  }
  return { sinks, routes };
}
