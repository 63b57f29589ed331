import { botReachesChannel, type ConnectorContext } from './connector-context.ts';
import { badSyntax, botNotInRoster } from './connector-error.ts';
import { isRecord } from './connector-model.ts';
import { answer, type ConnectorAnswer, type ConnectorRequest, fail } from './connector-route.ts';
import { openPersonalChat } from './open-personal-chat.ts';
import { postBotActivity } from './store-bot-message.ts';

const badParameters = () => badSyntax('Incorrect conversation creation parameters.');

function channelIdOf(channelData: unknown): string | undefined {
  if (!isRecord(channelData) || !isRecord(channelData.channel)) return undefined;
  const { id } = channelData.channel;
  return typeof id === 'string' ? id : undefined;
}

/** `POST v3/conversations` into a channel: a new top-level post, the root of its own thread (§3.2). */
function createChannelPost(context: ConnectorContext, channelId: string, body: Record<string, unknown>) {
  const team = botReachesChannel(context, channelId);
  if (team === undefined) return fail(botNotInRoster());
  if (body.isGroup !== true || !isRecord(body.activity)) return fail(badParameters());
  const outcome = postBotActivity(context, { channelId, teamId: team.id }, body.activity);
  if ('error' in outcome) return fail(outcome.error);
  const [message] = outcome.stored;
  if (outcome.split || message === undefined) return answer(202);
  return answer(201, { id: message.conversationId, activityId: message.id });
}

/** `POST v3/conversations` with one user in `members`: the bot's 1:1 chat with them (§3.2). */
function createPersonalChat(context: ConnectorContext, body: Record<string, unknown>): ConnectorAnswer {
  const members = Array.isArray(body.members) ? body.members : [];
  const [member] = members;
  const userId = isRecord(member) && typeof member.id === 'string' ? member.id : undefined;
  const user = [...context.users.values()].find((each) => each.id === userId || each.aadObjectId === userId);
  if (members.length !== 1 || user === undefined || body.isGroup === true) return fail(badParameters());
  const chat = openPersonalChat(context, user.id);
  if (!isRecord(body.activity)) return answer(201, { id: chat.id });
  const outcome = postBotActivity(context, { channelId: chat.id, conversationId: chat.id }, body.activity);
  if ('error' in outcome) return fail(outcome.error);
  const [message] = outcome.stored;
  if (outcome.split || message === undefined) return answer(202);
  return answer(201, { id: chat.id, activityId: message.id });
}

export function handleCreateConversation(
  context: ConnectorContext,
  { body }: ConnectorRequest,
): ConnectorAnswer {
  if (!isRecord(body)) return fail(badParameters());
  const channelId = channelIdOf(body.channelData);
  return channelId === undefined
    ? createPersonalChat(context, body)
    : createChannelPost(context, channelId, body);
}
