import type { ActionRunner } from '../actions/create-action-runner.ts';
import type { ActionSigner } from '../actions/create-action-signer.ts';
import type { Clock } from '../clock.ts';
import type { CommandServices } from '../commands/command.ts';
import { createCommands } from '../commands/create-commands.ts';
import type { Config } from '../config/load-config.ts';
import type { AlertStateStore } from '../delivery/alert-state-store.ts';
import type { CardSink } from '../delivery/card-sink.ts';
import type { CardStore } from '../delivery/card-store.ts';
import type { Logger } from '../log.ts';
import { createMattermostPlatform } from '../platforms/mattermost/create-mattermost-platform.ts';
import { createTeamsConversationStore } from '../platforms/teams/create-teams-conversation-store.ts';
import { createTeamsPlatform } from '../platforms/teams/create-teams-platform.ts';
import type { Platform } from '../rules/rule.ts';
import type { Route } from '../server/create-server.ts';
import type { Store } from '../storage/create-store.ts';

/** The chat platforms: Mattermost when configured, Teams always (unauthenticated without an app id). */
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
  /** How long a Mattermost slash command may run before "Working on it…" (tests shorten it). */
  commandDeadlineMs?: number | undefined;
}): { sinks: Partial<Record<Platform, CardSink>>; routes: Route[] } {
  const { config, store, signer, actions, cards, states, services, clock, log } = deps;
  const mattermost =
    config.MATTERMOST_URL && config.MATTERMOST_BOT_TOKEN
      ? createMattermostPlatform({
          url: config.MATTERMOST_URL,
          botToken: config.MATTERMOST_BOT_TOKEN,
          commandTokens: config.MATTERMOST_COMMAND_TOKENS,
          publicUrl: config.PUBLIC_URL,
          signer,
          actions,
          cards,
          registry: createCommands(),
          services,
          log,
          clock,
          ...(deps.commandDeadlineMs === undefined ? {} : { commandDeadlineMs: deps.commandDeadlineMs }),
        })
      : undefined;
  const teams = createTeamsPlatform({
    credentials: {
      MicrosoftAppId: config.MicrosoftAppId,
      MicrosoftAppPassword: config.MicrosoftAppPassword,
      MicrosoftAppType: config.MicrosoftAppId ? config.MicrosoftAppType : undefined,
      MicrosoftAppTenantId: config.MicrosoftAppTenantId,
    },
    conversations: createTeamsConversationStore({ records: store.keyv('teams'), log }),
    signer,
    actions,
    cards,
    states,
    registry: createCommands(),
    services,
    clock,
    log,
  });
  return {
    sinks: { teams: teams.sink, ...(mattermost ? { mattermost: mattermost.sink } : {}) },
    routes: [...(mattermost?.routes ?? []), ...teams.routes],
  };
}
