import {
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  TeamsActivityHandler,
  TurnContext,
} from 'botbuilder';
import type { GroupsUnsupported } from '../../access/group-directory.ts';
import type { MemberDirectory } from '../../access/member-roles.ts';
import type { Clock } from '../../clock.ts';
import type { CommandServices } from '../../commands/command.ts';
import type { CommandContext, Reply } from '../../commands/command-context.ts';
import type { CommandRegistry } from '../../commands/create-command-registry.ts';
import { runCommand } from '../../commands/run-command.ts';
import { isBotError } from '../../errors.ts';
import { isLoopbackUrl } from '../../http/is-loopback-url.ts';
import type { Logger } from '../../log.ts';
import type { ConnectorClient } from './create-connector-client.ts';
import { cardActivity } from './create-teams-card-sink.ts';
import type { TeamsLink } from './create-teams-link.ts';
import type { handleCardInvoke } from './handle-card-invoke.ts';
import { readCommandMentions } from './read-command-mentions.ts';
import { readCommandText, readTeamsConversation, teamsChannelRef } from './read-teams-conversation.ts';
import { LINK_VERB } from './render-link-card.ts';
import { renderReplyCard, renderReplyText } from './render-reply-card.ts';
import type { TeamsConversation, TeamsConversationStore } from './teams-conversation.ts';

/**
 * Who is in an Entra ID group, or owns a channel, takes Microsoft Graph (the Bot Connector's member
 * API only says `userRole`: create-teams-member-directory.ts),
 * which the bot does not call yet: `access groups` is refused rather than stored and never satisfied.
 */
const TEAMS_GROUPS: GroupsUnsupported = {
  unsupported:
    'access groups is not available on Teams yet: who is in a group takes Microsoft Graph, which this bot does not use yet. Use access everyone or access admins.',
};

export interface TeamsBotOptions {
  registry: CommandRegistry;
  services: CommandServices;
  conversations: TeamsConversationStore;
  connector: ConnectorClient;
  /** Who the user is in the conversation, for the access policy runCommand applies. */
  members: MemberDirectory;
  onCardAction: ReturnType<typeof handleCardInvoke>;
  /** `link`'s private form and its Link invoke, when linked identities are on. */
  link?: TeamsLink | undefined;
  /** True when no app id is configured: serviceUrls are then only accepted from loopback. */
  unauthenticated: boolean;
  clock: Clock;
  log: Logger;
}

/**
 * The Teams side of the conversation: commands in channels, group and personal chats (mention
 * stripped), conversation references kept for proactive cards, and the cards' Universal Actions.
 */
export class TeamsBot extends TeamsActivityHandler {
  readonly #options: TeamsBotOptions;

  constructor(options: TeamsBotOptions) {
    super();
    this.#options = options;
    this.onConversationUpdate(async (ctx, next) => {
      await this.#remember(ctx);
      await next();
    });
    this.onInstallationUpdate(async (ctx, next) => {
      await this.#remember(ctx);
      await next();
    });
    this.onMessage(async (ctx, next) => {
      const conversation = await this.#remember(ctx);
      if (conversation !== undefined && ctx.activity.value === undefined)
        await this.#command(ctx, conversation);
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(
    ctx: TurnContext,
    value: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const conversation = await this.#remember(ctx);
    const { link } = this.#options;
    if (value.action.verb === LINK_VERB && link !== undefined) return link.submit(ctx, value, conversation);
    return this.#options.onCardAction({ ctx, value, conversation });
  }

  /** Stores where the bot can post later; refuses a serviceUrl nothing vouches for. */
  async #remember(ctx: TurnContext): Promise<TeamsConversation | undefined> {
    const conversation = readTeamsConversation(ctx.activity, this.#options.clock.now());
    if (conversation === undefined) return undefined;
    // Without Bot Framework authentication nothing vouches for a serviceUrl: only loopback is used.
    if (this.#options.unauthenticated && !isLoopbackUrl(conversation.serviceUrl)) {
      this.#options.log.warn('unauthenticated mode: a non-loopback serviceUrl was ignored');
      return undefined;
    }
    const known = await this.#options.conversations.get(conversation.id);
    // Not every activity may say the channel's type: what an earlier one said is kept.
    const current = { ...conversation, channelType: conversation.channelType ?? known?.channelType ?? null };
    const changed =
      known?.serviceUrl !== current.serviceUrl ||
      known.botId !== current.botId ||
      known.channelType !== current.channelType;
    if (changed) await this.#options.conversations.put(current);
    return current;
  }

  async #command(ctx: TurnContext, conversation: TeamsConversation): Promise<void> {
    const { log, connector, members } = this.#options;
    const stripped = TurnContext.removeRecipientMention(ctx.activity) ?? '';
    // Mentions are read from the raw text, where a typed `<at>` is still `&lt;at&gt;`.
    const mentions = readCommandMentions(ctx.activity, stripped);
    const text = readCommandText(mentions.text);
    const replies: Reply[] = [];
    const commandContext: CommandContext = {
      platform: 'teams',
      channel: teamsChannelRef(conversation),
      user: { id: ctx.activity.from.id, name: ctx.activity.from.name ?? ctx.activity.from.id },
      log: log.child({ conversationId: conversation.id.slice(0, 80) }),
      readRoles: () => members.readMemberRoles(conversation.id, ctx.activity.from.id),
      groups: TEAMS_GROUPS,
      // Cards ping the ids of the mentions picked in the command (render-mentions.ts).
      notifiesByName: true,
      resolveMention: mentions.resolveMention,
      promptForApiKey: async () =>
        this.#options.link === undefined
          ? { ok: false, why: 'Linking is off.' }
          : this.#options.link.prompt(ctx, conversation),
      reply: async (reply) => {
        replies.push(reply);
      },
      announce: async (reply) => {
        const message = { type: 'message', text: renderReplyText(reply), textFormat: 'markdown' };
        const post =
          conversation.kind === 'channel'
            ? connector.createChannelPost(conversation.serviceUrl, {
                channelId: conversation.id,
                tenantId: conversation.tenantId,
                activity: message,
              })
            : connector.send(conversation.serviceUrl, conversation.id, message);
        await post.catch((error: unknown) =>
          log.warn({ err: isBotError(error) ? error.code : error }, 'could not announce in Teams'),
        );
      },
    };
    await runCommand(commandContext, text, {
      registry: this.#options.registry,
      services: this.#options.services,
    });
    for (const reply of replies) await ctx.sendActivity(cardActivity(renderReplyCard(reply)));
  }
}
