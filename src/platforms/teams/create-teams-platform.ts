import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { Request, Response } from 'restify';
import { cacheMemberRoles } from '../../access/cache-member-roles.ts';
import type { ActionRunner } from '../../actions/create-action-runner.ts';
import type { ActionSigner } from '../../actions/create-action-signer.ts';
import { createClickVerifier } from '../../actions/create-click-verifier.ts';
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
import { createTeamsClickerNotice } from './create-clicker-notice.ts';
import { createConnectorClient, type TeamsCredentials } from './create-connector-client.ts';
import { TeamsBot } from './create-teams-bot.ts';
import { createTeamsCardRenderer, createTeamsCardSink } from './create-teams-card-sink.ts';
import { createTeamsGate } from './create-teams-gate.ts';
import { createTeamsLink } from './create-teams-link.ts';
import { createTeamsMemberDirectory } from './create-teams-member-directory.ts';
import { handleCardInvoke } from './handle-card-invoke.ts';
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
 * authentication on `POST /api/messages`, the bot, and the card sink for delivery.
 */
export function createTeamsPlatform(options: CreateTeamsPlatformOptions): TeamsPlatform {
  const log = options.log.child({ platform: 'teams' });
  const { credentials } = options;
  const unauthenticated = !credentials.MicrosoftAppId;
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: credentials.MicrosoftAppId ?? '',
    MicrosoftAppPassword: credentials.MicrosoftAppPassword ?? '',
    MicrosoftAppType: credentials.MicrosoftAppType ?? '',
    MicrosoftAppTenantId: credentials.MicrosoftAppTenantId ?? '',
  });
  const adapter = new CloudAdapter(auth);
  // Never answer an error into a customer's channel; the turn's HTTP answer says it failed.
  adapter.onTurnError = async (ctx: TurnContext, error: unknown) => {
    log.error({ err: error, activityType: ctx.activity.type }, 'Teams turn failed');
  };
  // Pacing is against the service's wall clock, whatever clock the rest of the bot is given.
  const gate = createTeamsGate({ clock: systemClock });
  const connector = createConnectorClient({
    credentials,
    gate,
    ...(options.onSuccess ? { onSuccess: options.onSuccess } : {}),
  });
  const render = createTeamsCardRenderer(options.signer);
  const directory = createTeamsMemberDirectory({ connector, conversations: options.conversations });
  const members = cacheMemberRoles(directory, { clock: options.clock });
  const identities = options.services.identities;
  const bot = new TeamsBot({
    members,
    link: identities?.enabled ? createTeamsLink({ connector, identities, log }) : undefined,
    registry: options.registry,
    services: options.services,
    conversations: options.conversations,
    connector,
    unauthenticated,
    clock: options.clock,
    log,
    onCardAction: handleCardInvoke({
      ...options,
      verifier: createClickVerifier({ signer: options.signer, cards: options.cards }),
      render,
      connector,
      tell: createTeamsClickerNotice(connector),
      members,
      log,
    }),
  });

  const messages = async (req: Request, res: Response): Promise<void> => {
    try {
      const body = await readJsonBody(req);
      if (typeof body !== 'object' || body === null || !('type' in body)) {
        return sendJson(res, 400, { code: 'bad_request', message: 'not an activity' });
      }
      (req as Request & { body: unknown }).body = body;
      // restify's request and response are what botbuilder's HTTP types describe (reference §1.1).
      await adapter.process(req as unknown as Parameters<typeof adapter.process>[0], res, (ctx) =>
        bot.run(ctx),
      );
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
