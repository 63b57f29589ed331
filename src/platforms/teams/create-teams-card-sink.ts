import { cardButtons } from '../../actions/card-buttons.ts';
import type { ActionSigner } from '../../actions/create-action-signer.ts';
import type { AlertCard } from '../../delivery/alert-card.ts';
import type { CardSink, CardTarget } from '../../delivery/card-sink.ts';
import { BotError } from '../../errors.ts';
import type { ConnectorClient, OutgoingActivity } from './create-connector-client.ts';
import { renderAlertCard } from './render-alert-card.ts';
import { renderCompactCard } from './render-compact-card.ts';
import { renderRollupCard } from './render-rollup-card.ts';
import { renderReminderMessage, renderStatusChangeText } from './render-thread-text.ts';
import type { TeamsConversation, TeamsConversationStore } from './teams-conversation.ts';

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/** The card alone, so that Teams answers with an activity id (reference §3.4). */
export function cardActivity(card: object): Record<string, unknown> {
  return { type: 'message', attachments: [{ contentType: ADAPTIVE_CARD, content: card }] };
}

/** The conversation a card lives in: the thread it starts in a channel, the chat itself otherwise. */
export function cardConversationId(conversation: TeamsConversation, activityId: string): string {
  return conversation.kind === 'channel' ? `${conversation.id};messageid=${activityId}` : conversation.id;
}

/**
 * The Adaptive Card of an alert, with Action.Execute data signed for its alert in its conversation
 * (not its message: the click's `replyToId` is checked against the stored card instead).
 */
export function createTeamsCardRenderer(signer: ActionSigner) {
  return (target: CardTarget, card: AlertCard) => {
    const actions = cardButtons(card).map(({ kind: key, exclusion }) => ({
      key,
      data: {
        g: signer.sign({
          action: key,
          alertUuid: card.alertUuid,
          platform: 'teams',
          channel: target.channel.channel,
          ruleId: target.ruleId,
          ...(exclusion === undefined ? {} : { exclusion }),
        }),
      },
    }));
    return renderAlertCard({ card, actions });
  };
}

/**
 * Cards as proactive bot messages. In a channel a card is a new post (`createConversation`), which
 * starts a thread for its status replies; in a chat it is a message of the chat. Teams has no way to
 * list a channel's messages, so a card posted just before a crash cannot be found again (see README).
 */
export function createTeamsCardSink(options: {
  connector: ConnectorClient;
  conversations: TeamsConversationStore;
  signer: ActionSigner;
}): CardSink {
  const { connector } = options;
  const render = createTeamsCardRenderer(options.signer);

  const conversationOf = async (target: CardTarget): Promise<TeamsConversation> => {
    const conversation = await options.conversations.get(target.channel.channel);
    if (conversation === undefined) {
      throw new BotError('platform_rejected', {
        message: 'the bot has no reference to this Teams conversation (not installed there?)',
        retryable: false,
        nothingDone: true,
      });
    }
    return conversation;
  };

  /** A new post in a channel (starting its thread), a new message in a chat; its activity id. */
  const postCard = async (target: CardTarget, content: object): Promise<string> => {
    const conversation = await conversationOf(target);
    const body = cardActivity(content);
    const activityId =
      conversation.kind === 'channel'
        ? (
            await connector.createChannelPost(conversation.serviceUrl, {
              channelId: conversation.id,
              tenantId: conversation.tenantId,
              activity: body,
            })
          )?.activityId
        : await connector.send(conversation.serviceUrl, conversation.id, body);
    // Posted, but never to be edited: trying again would post it twice (reference teams.md §3.4).
    if (activityId === undefined)
      throw new BotError('platform_rejected', {
        message: 'Teams posted the card without giving its id: it cannot be kept current',
        retryable: false,
      });
    return activityId;
  };

  const replaceCard = async (target: CardTarget, activityId: string, content: object) => {
    const conversation = await conversationOf(target);
    const body = cardActivity(content);
    await connector.update(
      conversation.serviceUrl,
      cardConversationId(conversation, activityId),
      activityId,
      body,
    );
  };

  /** A reply in the card's thread (in a chat: the next message of the chat). */
  const replyUnder = async (target: CardTarget, activityId: string, message: OutgoingActivity) => {
    const conversation = await conversationOf(target);
    await connector.send(conversation.serviceUrl, cardConversationId(conversation, activityId), message);
  };

  const update = async (target: CardTarget, activityId: string, card: AlertCard) =>
    replaceCard(target, activityId, render(target, card));

  return {
    // One request: the card goes out with its buttons.
    post: (target, card) => postCard(target, render(target, card)),
    update,
    replyInThread: (target, activityId, note) =>
      replyUnder(target, activityId, {
        type: 'message',
        text: renderStatusChangeText(note),
        textFormat: 'markdown',
      }),
    remind: (target, activityId, note) => replyUnder(target, activityId, { ...renderReminderMessage(note) }),
    findCard: async () => undefined,
    postCompact: (target, card) => postCard(target, renderCompactCard(card)),
    updateCompact: (target, activityId, card) => replaceCard(target, activityId, renderCompactCard(card)),
    postRollup: (target, card) => postCard(target, renderRollupCard(card)),
    updateRollup: (target, activityId, card) => replaceCard(target, activityId, renderRollupCard(card)),
    // No way to list a channel's messages (see findCard).
    findRollup: async () => undefined,
  };
}
