import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, TurnContext } from 'botbuilder';
import type { ActionGrant } from '../../actions/action-grant.ts';
import type { ActingUser, ActionOutcome } from '../../actions/action-outcome.ts';
import type { ActionSigner } from '../../actions/create-action-signer.ts';
import type { CardActions } from '../../actions/create-card-actions.ts';
import { buildAlertCard } from '../../delivery/alert-card.ts';
import type { AlertStateStore } from '../../delivery/alert-state-store.ts';
import type { CardStore } from '../../delivery/card-store.ts';
import type { CardRefresher } from '../../delivery/create-card-refresher.ts';
import { isBotError } from '../../errors.ts';
import type { Logger } from '../../log.ts';
import type { WorkflowActionKey } from '../../sekoia/workflow-constants.ts';
import type { ConnectorClient } from './create-connector-client.ts';
import { ADAPTIVE_CARD, cardConversationId, type createTeamsCardRenderer } from './create-teams-card-sink.ts';
import { renderErrorCard } from './render-reply-card.ts';
import { renderCommentText, renderMuteText } from './render-thread-text.ts';
import type { TeamsConversation } from './teams-conversation.ts';

export interface HandleCardInvokeOptions {
  signer: ActionSigner;
  actions: CardActions;
  cards: CardStore;
  states: AlertStateStore;
  refreshCards: CardRefresher;
  render: ReturnType<typeof createTeamsCardRenderer>;
  connector: ConnectorClient;
  log: Logger;
}

const WORKFLOW: ReadonlySet<string> = new Set(['acknowledge', 'validate', 'reject', 'close']);

/**
 * `adaptiveCard/action`: the signed data is checked against the conversation and message the click
 * came from before anything else. The clicker gets the refreshed card (or an error card) at once;
 * everyone else's copy is updated through the card jobs (reference §4.3: the invoke answer is the
 * clicker's view only).
 */
export function handleCardInvoke(options: HandleCardInvokeOptions) {
  const { signer, actions, log } = options;

  const cardFor = async (grant: ActionGrant): Promise<AdaptiveCardInvokeResponse | undefined> => {
    const [state, record] = await Promise.all([
      options.states.get(grant.alertUuid),
      options.cards.get(grant.alertUuid, { platform: 'teams', channel: grant.channel }),
    ]);
    if (state === undefined || record === undefined) return undefined;
    const card = buildAlertCard({
      notification: state.notification,
      matchedRule: { id: record.ruleId, name: record.ruleName ?? undefined },
      workflowActions: state.notification.workflow,
      lastActivity: state.activity ?? undefined,
    });
    const value = options.render({ channel: record.channel, ruleId: record.ruleId }, card, grant.messageId);
    return { statusCode: 200, type: ADAPTIVE_CARD, value };
  };

  const announceMute = async (conversation: TeamsConversation, user: ActingUser, ruleId: string) => {
    const message = {
      type: 'message',
      text: renderMuteText({ by: user.name, ruleId }),
      textFormat: 'markdown',
    };
    const post =
      conversation.kind === 'channel'
        ? options.connector.createChannelPost(conversation.serviceUrl, {
            channelId: conversation.id,
            tenantId: conversation.tenantId,
            activity: message,
          })
        : options.connector.send(conversation.serviceUrl, conversation.id, message);
    await post.catch((error: unknown) =>
      log.warn({ err: isBotError(error) ? error.code : error }, 'could not announce a mute'),
    );
  };

  const perform = async (
    grant: ActionGrant,
    user: ActingUser,
    data: Record<string, unknown>,
    conversation: TeamsConversation,
  ) => {
    if (WORKFLOW.has(grant.action)) {
      const outcome = await actions.transition(grant as ActionGrant & { action: WorkflowActionKey }, user);
      if (outcome.ok) await options.refreshCards(grant.alertUuid);
      return outcome;
    }
    if (grant.action === 'mute') {
      const outcome = await actions.muteRule(grant, user);
      if (outcome.ok) await announceMute(conversation, user, grant.ruleId);
      return outcome;
    }
    const text = typeof data.comment === 'string' ? data.comment : '';
    const outcome: ActionOutcome = await actions.comment(grant, user, text);
    if (outcome.ok) {
      const note = {
        type: 'message',
        text: renderCommentText({ by: user.name, text }),
        textFormat: 'markdown',
      };
      await options.connector
        .send(conversation.serviceUrl, cardConversationId(conversation, grant.messageId), note)
        .catch((error: unknown) =>
          log.warn({ err: isBotError(error) ? error.code : error }, 'could not note the comment'),
        );
    }
    return outcome;
  };

  return async (input: {
    ctx: TurnContext;
    value: AdaptiveCardInvokeValue;
    conversation: TeamsConversation | undefined;
  }): Promise<AdaptiveCardInvokeResponse> => {
    const { ctx, value, conversation } = input;
    const data = (value.action.data ?? {}) as Record<string, unknown>;
    let grant: ActionGrant;
    try {
      if (conversation === undefined) throw new Error('unknown conversation');
      grant = signer.verify(data.g, {
        platform: 'teams',
        channel: conversation.id,
        messageId: ctx.activity.replyToId ?? '',
      });
      if (value.action.verb !== `alert.${grant.action}`)
        throw new Error('verb does not match the signed action');
    } catch (error) {
      log.warn(
        { reason: isBotError(error) ? error.details.reason : 'mismatch' },
        'Teams card action refused',
      );
      return {
        statusCode: 403,
        type: 'application/vnd.microsoft.error',
        value: { code: 'Forbidden', message: 'This button is not valid here.' },
      };
    }
    const user: ActingUser = {
      id: ctx.activity.from.id,
      name: ctx.activity.from.name ?? ctx.activity.from.id,
      platform: 'teams',
    };
    try {
      const outcome = await perform(grant, user, data, conversation);
      if (!outcome.ok)
        return { statusCode: 200, type: ADAPTIVE_CARD, value: renderErrorCard(outcome.message) };
      // The invoke typings want an object value; Teams shows a plain message for this type.
      const message = {
        statusCode: 200,
        type: 'application/vnd.microsoft.activity.message',
        value: outcome.message,
      };
      return (await cardFor(grant)) ?? (message as unknown as AdaptiveCardInvokeResponse);
    } catch (error) {
      log.error({ err: error, action: grant.action }, 'Teams card action failed');
      return {
        statusCode: 200,
        type: ADAPTIVE_CARD,
        value: renderErrorCard('The action failed on our side; nothing was changed. Try again in a moment.'),
      };
    }
  };
}
