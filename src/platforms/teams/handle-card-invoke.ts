import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, TurnContext } from 'botbuilder';
import type { MemberDirectory } from '../../access/member-roles.ts';
import type { ActionGrant } from '../../actions/action-grant.ts';
import type { ActingUser, ActionOutcome } from '../../actions/action-outcome.ts';
import { ACTION_TABLE } from '../../actions/action-table.ts';
import { type ActionRunner, FAILED_ON_OUR_SIDE } from '../../actions/create-action-runner.ts';
import type { ActionSigner } from '../../actions/create-action-signer.ts';
import type { ClickVerifier } from '../../actions/create-click-verifier.ts';
import { rebuildClickedCard } from '../../actions/rebuild-clicked-card.ts';
import type { AlertStateStore } from '../../delivery/alert-state-store.ts';
import type { CardStore } from '../../delivery/card-store.ts';
import type { PlatformNames } from '../../delivery/platform-names.ts';
import { isBotError } from '../../errors.ts';
import type { Logger } from '../../log.ts';
import type { AdaptiveCard, TextBlock } from './adaptive-card.ts';
import { createActionContext } from './create-action-context.ts';
import type { TeamsClickerNotice } from './create-clicker-notice.ts';
import type { ConnectorClient } from './create-connector-client.ts';
import { ADAPTIVE_CARD, type createTeamsCardRenderer } from './create-teams-card-sink.ts';
import { escapeInline } from './escape-teams-markdown.ts';
import { renderErrorCard } from './render-reply-card.ts';
import type { TeamsConversation } from './teams-conversation.ts';

export interface HandleCardInvokeOptions {
  /** Signs the Undo button of an exclusion announcement. */
  signer?: ActionSigner;
  verifier: ClickVerifier;
  actions: ActionRunner;
  cards: CardStore;
  names: PlatformNames;
  states: AlertStateStore;
  render: ReturnType<typeof createTeamsCardRenderer>;
  connector: ConnectorClient;
  tell: TeamsClickerNotice;
  /** Who the clicker is in the conversation, for the access policy the runner applies. */
  members: MemberDirectory;
  log: Logger;
}

const errorCard = (message: string): AdaptiveCardInvokeResponse => ({
  statusCode: 200,
  type: ADAPTIVE_CARD,
  value: renderErrorCard(message),
});

// The invoke typings want an object value; Teams shows a plain message for this type (reference §4.3).
const messageAnswer = (message: string) =>
  ({
    statusCode: 200,
    type: 'application/vnd.microsoft.activity.message',
    value: message,
  }) as unknown as AdaptiveCardInvokeResponse;

/**
 * `adaptiveCard/action`: the signed data is checked against the conversation and message the click
 * came from (the message must be the alert's card there) before anything else. The clicker gets the refreshed card (or an error card) when the
 * action ends within the deadline, a "…ing" message otherwise; everyone else's copy is updated
 * through the card jobs (reference §4.3: the invoke answer is the clicker's view only).
 */
export function handleCardInvoke(options: HandleCardInvokeOptions) {
  const { verifier, actions, log } = options;

  /** The clicked card as the stored state shows it (for a mute or a comment too: its buttons are re-signed). */
  const cardFor = async (grant: ActionGrant): Promise<AdaptiveCardInvokeResponse | undefined> => {
    const state = await options.states.get(grant.alertUuid);
    const clicked = await rebuildClickedCard({ cards: options.cards, grant, state, names: options.names });
    if (clicked === undefined) return undefined;
    const value = options.render(clicked.target, clicked.card);
    return { statusCode: 200, type: ADAPTIVE_CARD, value };
  };

  /** The clicked card with the explanation under it: the clicker's view only, the shared card unchanged. */
  const explained = async (grant: ActionGrant, message: string) => {
    const card = await cardFor(grant).catch(() => undefined);
    if (card === undefined) return undefined;
    const value = card.value as AdaptiveCard;
    const lines = message.split('\n').map((line) => escapeInline(line, 600));
    const note: TextBlock = { type: 'TextBlock', text: lines.join('\n\n'), wrap: true };
    return { ...card, value: { ...value, body: [...value.body, note] } };
  };

  const answerFor = async (
    grant: ActionGrant,
    outcome: ActionOutcome,
  ): Promise<AdaptiveCardInvokeResponse> => {
    if (!outcome.ok) return errorCard(outcome.message);
    const action = ACTION_TABLE[grant.action];
    if (action.explains === true)
      return (await explained(grant, outcome.message)) ?? messageAnswer(outcome.message);
    // An exclusion or its Undo leaves the card as it is: the clicker reads what changed in the rule.
    if (action.excludes !== undefined || action.offCard === true) return messageAnswer(outcome.message);
    // Accepted by Sekoia.io but not re-read: the stored card would still show the old status.
    const { changesStatus, refreshesCards } = ACTION_TABLE[grant.action];
    if ((changesStatus || refreshesCards === true) && outcome.state === undefined)
      return messageAnswer(outcome.message);
    const card = await cardFor(grant).catch((error: unknown) => {
      log.warn({ err: isBotError(error) ? error.code : error }, 'could not render the clicked card');
      return undefined;
    });
    return card ?? messageAnswer(outcome.message);
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
      grant = await verifier.verify(data.g, {
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
    // Send carries the text input by its id, the Comment button's (render-alert-card.ts); a form's
    // inputs come by their ids too (render-urgency-form.ts), checked by the action.
    const typed = data.comment;
    const text = typeof typed === 'string' ? typed : '';
    const { connector, tell, members } = options;
    try {
      const answer = await actions.run(
        createActionContext({
          connector,
          tell,
          members,
          conversation,
          grant,
          user,
          text,
          fields: data,
          ...(options.signer === undefined ? {} : { signer: options.signer }),
        }),
      );
      return answer.settled ? await answerFor(grant, answer.outcome) : messageAnswer(answer.message);
    } catch (error) {
      log.error({ err: error, action: grant.action }, 'Teams card action failed');
      return errorCard(FAILED_ON_OUR_SIDE);
    }
  };
}
