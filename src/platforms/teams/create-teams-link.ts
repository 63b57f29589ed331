import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, TurnContext } from 'botbuilder';
import type { KeyPrompt } from '../../commands/command-context.ts';
import { isBotError } from '../../errors.ts';
import type { IdentityLinks, LinkResult } from '../../identity/create-identity-links.ts';
import type { Logger } from '../../log.ts';
import type { AdaptiveCard } from './adaptive-card.ts';
import type { ConnectorClient } from './create-connector-client.ts';
import { ADAPTIVE_CARD, cardActivity } from './create-teams-card-sink.ts';
import { API_KEY_INPUT, renderLinkCard, renderLinkedCard } from './render-link-card.ts';
import type { TeamsConversation } from './teams-conversation.ts';

const NO_PRIVATE_CHAT =
  'The bot could not open a private chat with you. Open a chat with the bot yourself (Chat › New chat, type its name, or open its app), then type link there — never paste a key in a channel.';

const PROBLEMS: Record<Exclude<LinkResult, { ok: true }>['reason'], string> = {
  refused: 'Sekoia.io did not accept this key (invalid, expired or revoked); nothing was stored.',
  malformed: 'This is not a Sekoia.io API key; nothing was stored.',
  unavailable: 'Sekoia.io could not be reached to check the key; nothing was stored. Try again in a moment.',
};

const cardAnswer = (card: AdaptiveCard): AdaptiveCardInvokeResponse => ({
  statusCode: 200,
  type: ADAPTIVE_CARD,
  value: card,
});

/**
 * `link` on Teams: a channel message is seen by everyone, so the key is asked for in the user's
 * personal chat with the bot (opened with `POST v3/conversations` when typed elsewhere), with a
 * password input; the Link invoke, vouched for by Bot Framework authentication, is checked with
 * Sekoia.io and answered with the card turned into "Linked as …" (no key in it).
 */
export function createTeamsLink(options: {
  connector: ConnectorClient;
  identities: IdentityLinks;
  log: Logger;
}) {
  const { connector, identities, log } = options;

  const prompt = async (ctx: TurnContext, conversation: TeamsConversation): Promise<KeyPrompt> => {
    const activity = cardActivity(renderLinkCard());
    try {
      if (conversation.kind === 'personal') {
        await connector.send(conversation.serviceUrl, conversation.id, activity);
        return { ok: true, where: 'Paste your Sekoia.io API key in the form above.' };
      }
      const { tenantId, botId, serviceUrl } = conversation;
      await connector.createPersonalChat(serviceUrl, {
        userId: ctx.activity.from.id,
        tenantId,
        botId,
        activity,
      });
      return {
        ok: true,
        where: 'I sent you a private message: paste your key there, never in this channel.',
      };
    } catch (error) {
      log.warn({ err: isBotError(error) ? error.code : error }, 'could not send the link form');
      return { ok: false, why: NO_PRIVATE_CHAT };
    }
  };

  const submit = async (
    ctx: TurnContext,
    value: AdaptiveCardInvokeValue,
    conversation: TeamsConversation | undefined,
  ): Promise<AdaptiveCardInvokeResponse> => {
    // The form is only ever sent in a personal chat: a key typed anywhere else is refused unread.
    if (conversation?.kind !== 'personal') return cardAnswer(renderLinkCard(NO_PRIVATE_CHAT));
    const data = (value.action.data ?? {}) as Record<string, unknown>;
    const typed = data[API_KEY_INPUT];
    const owner = { platform: 'teams', id: ctx.activity.from.id };
    const result = await identities.link(owner, typeof typed === 'string' ? typed : '');
    if (!result.ok) return cardAnswer(renderLinkCard(PROBLEMS[result.reason]));
    const linked = renderLinkedCard(result.name);
    // The invoke answer is the clicker's view; the message itself is edited too, so no form lingers.
    const messageId = ctx.activity.replyToId;
    if (messageId !== undefined) {
      await connector
        .update(conversation.serviceUrl, conversation.id, messageId, cardActivity(linked))
        .catch((error: unknown) =>
          log.info({ err: isBotError(error) ? error.code : error }, 'the link form could not be edited'),
        );
    }
    return cardAnswer(linked);
  };

  return { prompt, submit };
}

export type TeamsLink = ReturnType<typeof createTeamsLink>;
