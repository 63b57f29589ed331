import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { Request, Response } from 'restify';
import { cacheMemberRoles } from '../../access/cache-member-roles.ts';
import { createClickVerifier } from '../../actions/create-click-verifier.ts';
import type { Logger } from '../../log.ts';
import { createTeamsClickerNotice } from './create-clicker-notice.ts';
import type { ConnectorClient } from './create-connector-client.ts';
import { TeamsBot } from './create-teams-bot.ts';
import type { createTeamsCardRenderer } from './create-teams-card-sink.ts';
import { createTeamsLink } from './create-teams-link.ts';
import { createTeamsMemberDirectory } from './create-teams-member-directory.ts';
import type { CreateTeamsPlatformOptions } from './create-teams-platform.ts';
import { handleCardInvoke } from './handle-card-invoke.ts';

export interface TeamsTurnsOptions extends CreateTeamsPlatformOptions {
  connector: ConnectorClient;
  render: ReturnType<typeof createTeamsCardRenderer>;
  unauthenticated: boolean;
  log: Logger;
}

/** Runs one activity, already read and checked to be an object with a `type`, as a bot turn. */
export type ProcessActivity = (req: Request & { body: unknown }, res: Response) => Promise<void>;

/**
 * What answers `POST /api/messages`: botbuilder's CloudAdapter with Bot Framework authentication,
 * and the bot. Loaded by the first activity (create-teams-platform.ts), not at start.
 */
export function createTeamsTurns(options: TeamsTurnsOptions): ProcessActivity {
  const { credentials, connector, log } = options;
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
    unauthenticated: options.unauthenticated,
    clock: options.clock,
    log,
    onCardAction: handleCardInvoke({
      ...options,
      verifier: createClickVerifier({ signer: options.signer, cards: options.cards }),
      render: options.render,
      connector,
      tell: createTeamsClickerNotice(connector),
      members,
      log,
    }),
  });
  // restify's request and response are what botbuilder's HTTP types describe (reference §1.1).
  return (req, res) =>
    adapter.process(req as unknown as Parameters<typeof adapter.process>[0], res, (ctx) => bot.run(ctx));
}
