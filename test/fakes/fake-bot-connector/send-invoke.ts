import { buildInboundActivity } from './build-inbound-activity.ts';
import { type ConnectorContext, mustFindUser } from './connector-context.ts';
import { findExecuteAction } from './find-card-action.ts';
import { newEventId } from './new-teams-id.ts';
import { postToBot } from './post-to-bot.ts';
import { conversationOfMessage, resolveDriveConversation } from './resolve-drive-conversation.ts';

export interface SendInvokeInput {
  botUrl: string;
  /** The clicking user's id. */
  from: string;
  /** The id of the bot's message holding the card (sent as `replyToId`). */
  activityId: string;
  /** An `Action.Execute` verb present on the card. */
  verb: string;
  /** Input values, merged over the action's own `data` as Teams does (§4.2). */
  data?: Record<string, unknown>;
  authorization?: string;
}

export interface SendInvokeResult {
  /** The bot's HTTP status; 0 when it was not reached. */
  status: number;
  /** The invoke response `{ statusCode, type, value }` (§4.3). */
  body: unknown;
  /** The activity sent. */
  activity: Record<string, unknown>;
  error?: string;
  /** The bot did not answer within the invoke limit (`invokeTimeoutMs`). */
  timedOut?: true;
}

/** A user clicks an `Action.Execute` button: an `adaptiveCard/action` invoke (reference teams.md §4.5). */
export async function sendInvoke(
  context: ConnectorContext,
  input: SendInvokeInput,
): Promise<SendInvokeResult> {
  const user = mustFindUser(context, input.from);
  const message = context.messages.get(input.activityId);
  if (message === undefined || message.deletedAt !== undefined) {
    throw new Error(`fake Bot Connector has no live bot message ${input.activityId}`);
  }
  const action = findExecuteAction(message.activity, input.verb);
  if (action === undefined) {
    throw new Error(`message ${message.id} has no Action.Execute with verb ${input.verb}`);
  }
  const where = conversationOfMessage(context, message);
  if (where.type === 'channel') {
    const { team, channelId } = where;
    resolveDriveConversation(context, { kind: 'channel', teamId: team.id, channelId }, user.id);
  } else resolveDriveConversation(context, { kind: where.type, id: where.chat.id }, user.id);
  const envelope = {
    type: 'invoke',
    id: newEventId(),
    conversationId: message.conversationId,
    from: user,
    where,
  };
  const activity = {
    ...buildInboundActivity(context, envelope),
    name: 'adaptiveCard/action',
    replyToId: message.id,
    value: {
      action: {
        type: 'Action.Execute',
        ...(action.id === undefined ? {} : { id: action.id }),
        verb: input.verb,
        data: { ...action.data, ...input.data },
      },
      trigger: 'manual',
    },
  };
  const reply = await postToBot({
    botUrl: input.botUrl,
    activity,
    timeoutMs: context.invokeTimeoutMs,
    ...(input.authorization === undefined ? {} : { authorization: input.authorization }),
  });
  return { ...reply, activity };
}
