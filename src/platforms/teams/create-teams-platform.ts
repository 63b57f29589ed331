import type { Request, Response } from 'restify';
import type { ActionRunner } from '../../actions/create-action-runner.ts';
import type { ActionSigner } from '../../actions/create-action-signer.ts';
import { type Clock, systemClock } from '../../clock.ts';
import type { CommandServices } from '../../commands/command.ts';
import type { CommandRegistry } from '../../commands/create-command-registry.ts';
import type { AlertStateStore } from '../../delivery/alert-state-store.ts';
import type { CardSink } from '../../delivery/card-sink.ts';
import type { CardStore } from '../../delivery/card-store.ts';
import type { PlatformGate } from '../../delivery/create-platform-gate.ts';
import type { PlatformNames } from '../../delivery/platform-names.ts';
import { readJsonBody } from '../../http/read-json-body.ts';
import { sendJson } from '../../http/send-json.ts';
import type { Logger } from '../../log.ts';
import type { Route } from '../../server/create-server.ts';
import { answerMessagesProbe } from './answer-messages-probe.ts';
import { createConnectorClient, type TeamsCredentials } from './create-connector-client.ts';
import { createTeamsCardRenderer, createTeamsCardSink } from './create-teams-card-sink.ts';
import { createTeamsGate } from './create-teams-gate.ts';
import type { ProcessActivity } from './create-teams-turns.ts';
import type { TeamsConversationStore } from './teams-conversation.ts';

export interface CreateTeamsPlatformOptions {
  credentials: TeamsCredentials;
  conversations: TeamsConversationStore;
  signer: ActionSigner;
  actions: ActionRunner;
  cards: CardStore;
  names: PlatformNames;
  states: AlertStateStore;
  registry: CommandRegistry;
  services: CommandServices;
  clock: Clock;
  log: Logger;
  /** Called on every answered Bot Connector request (recovery that notices). */
  onSuccess?: () => void;
}

export interface TeamsPlatform {
  sink: CardSink;
  routes: Route[];
  /** No app id: the endpoint accepts unauthenticated activities (local use only). */
  unauthenticated: boolean;
  gate: PlatformGate;
}

/**
 * Everything Teams, and the only folder that imports botbuilder: CloudAdapter with Bot Framework
 * authentication on `POST /api/messages`, the bot, and the card sink for delivery. botbuilder and
 * the bot (create-teams-turns.ts) are loaded by the first activity: ~50 MB and most of a second of
 * start that a bot nobody talks to on Teams never pays (BENCHMARKS.md, footprint).
 */
export function createTeamsPlatform(options: CreateTeamsPlatformOptions): TeamsPlatform {
  const log = options.log.child({ platform: 'teams' });
  const { credentials } = options;
  const unauthenticated = !credentials.MicrosoftAppId;
  // Pacing is against the service's wall clock, whatever clock the rest of the bot is given.
  const gate = createTeamsGate({ clock: systemClock });
  const connector = createConnectorClient({
    credentials,
    gate,
    ...(options.onSuccess ? { onSuccess: options.onSuccess } : {}),
  });
  const render = createTeamsCardRenderer(options.signer);
  let turns: Promise<ProcessActivity> | undefined;
  const processActivity: ProcessActivity = async (req, res) => {
    turns ??= import('./create-teams-turns.ts').then(({ createTeamsTurns }) =>
      createTeamsTurns({ ...options, connector, render, unauthenticated, log }),
    );
    return (await turns)(req, res);
  };

  const messages = async (req: Request, res: Response): Promise<void> => {
    try {
      const body = await readJsonBody(req);
      if (typeof body !== 'object' || body === null || !('type' in body)) {
        return sendJson(res, 400, { code: 'bad_request', message: 'not an activity' });
      }
      const withBody = req as Request & { body: unknown };
      withBody.body = body;
      await processActivity(withBody, res);
    } catch (error) {
      log.warn(
        { err: error instanceof Error ? error.message.slice(0, 200) : 'unknown' },
        'Teams request refused',
      );
      if (!res.headersSent)
        sendJson(res, 400, { code: 'bad_request', message: 'the activity could not be processed' });
    }
  };

  return {
    sink: createTeamsCardSink({ connector, conversations: options.conversations, signer: options.signer }),
    routes: [
      { method: 'post', path: '/api/messages', handler: messages },
      { method: 'get', path: '/api/messages', handler: answerMessagesProbe },
      { method: 'head', path: '/api/messages', handler: answerMessagesProbe },
    ],
    unauthenticated,
    gate,
  };
}
