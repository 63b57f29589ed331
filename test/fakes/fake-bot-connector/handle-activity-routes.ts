import { readMentions } from './check-mentions.ts';
import type { ConnectorContext } from './connector-context.ts';
import { activityNotFound, badSyntax } from './connector-error.ts';
import { type FakeTeamsMessage, isRecord } from './connector-model.ts';
import { answer, type ConnectorAnswer, type ConnectorRequest, fail, param } from './connector-route.ts';
import { type ConversationTarget, resolveConversation, threadId } from './resolve-conversation.ts';
import { checkMessageSize, type Placement, postBotActivity } from './store-bot-message.ts';

function placementIn(target: ConversationTarget): Placement {
  if (target.type !== 'channel') return { channelId: target.chat.id, conversationId: target.chat.id };
  const { channelId, rootId } = target;
  const base = { channelId, teamId: target.team.id };
  // A bare channel id: taken as a new top-level post (reference teams.md §12.1).
  return rootId === undefined
    ? base
    : { ...base, conversationId: threadId(channelId, rootId), replyToId: rootId };
}

/**
 * `POST v3/conversations/{id}/activities` and the reply route `…/activities/{anyId}`: the SDK puts
 * a fresh UUID there for proactive sends, so that id need not exist (§3.2 surprise 1).
 */
export function handleSendActivity(context: ConnectorContext, request: ConnectorRequest): ConnectorAnswer {
  const resolved = resolveConversation(context, param(request, 'conversationId'));
  if ('error' in resolved) return fail(resolved.error);
  if (!isRecord(request.body)) return fail(badSyntax('The activity is missing.'));
  const outcome = postBotActivity(context, placementIn(resolved.target), request.body);
  if ('error' in outcome) return fail(outcome.error);
  const [message] = outcome.stored;
  if (outcome.split) return answer(202);
  return answer(message === undefined ? 200 : 201, message === undefined ? {} : { id: message.id });
}

/** The bot's live message `activityId`, addressed by its thread/chat id or its bare channel id. */
function findOwnMessage(
  context: ConnectorContext,
  request: ConnectorRequest,
): { message: FakeTeamsMessage } | { answer: ConnectorAnswer } {
  const conversationId = param(request, 'conversationId');
  const resolved = resolveConversation(context, conversationId);
  if ('error' in resolved) return { answer: fail(resolved.error) };
  const message = context.messages.get(param(request, 'activityId'));
  const inConversation = message?.conversationId === conversationId || message?.channelId === conversationId;
  if (message === undefined || message.deletedAt !== undefined || !inConversation) {
    return { answer: fail(activityNotFound()) };
  }
  return { message };
}

/**
 * `PUT …/activities/{activityId}`: replaces the body of one of the bot's messages (§4.1), and answers
 * as `context.updateAnswer` says (by default 200 with no body: update-answer.ts).
 */
export function handleUpdateActivity(context: ConnectorContext, request: ConnectorRequest): ConnectorAnswer {
  const found = findOwnMessage(context, request);
  if ('answer' in found) return found.answer;
  if (!isRecord(request.body)) return fail(badSyntax('The activity is missing.'));
  const tooBig = checkMessageSize(request.body);
  if (tooBig !== undefined) return fail(tooBig);
  // Checked like a post, but an edit pings nobody: `pinged` stays what the post pinged.
  const mentions = readMentions(context, request.body);
  if ('error' in mentions) return fail(mentions.error);
  const { message } = found;
  message.activity = structuredClone(request.body);
  message.versions.push(structuredClone(request.body));
  message.updatedAt = context.clock.now();
  const { status, withId } = context.updateAnswer;
  return withId ? answer(status, { id: message.id }) : answer(status);
}

/** `DELETE …/activities/{activityId}`: 200 with no body. */
export function handleDeleteActivity(context: ConnectorContext, request: ConnectorRequest): ConnectorAnswer {
  const found = findOwnMessage(context, request);
  if ('answer' in found) return found.answer;
  found.message.deletedAt = context.clock.now();
  return answer(200);
}
