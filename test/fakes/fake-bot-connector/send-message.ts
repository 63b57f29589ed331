import { buildInboundActivity, type InboundConversation } from './build-inbound-activity.ts';
import { composeMentions } from './compose-mentions.ts';
import {
  botReachesChannel,
  type ConnectorContext,
  mustFindUser,
  nextMessageId,
} from './connector-context.ts';
import type { FakeTeamsMessage } from './connector-model.ts';
import { postToBot } from './post-to-bot.ts';
import { threadId } from './resolve-conversation.ts';
import { type DriveConversation, resolveDriveConversation } from './resolve-drive-conversation.ts';

export interface SendMessageInput {
  /** The bot's messaging endpoint; a bare origin gets `/api/messages`. */
  botUrl: string;
  /** The user's id. */
  from: string;
  conversation: DriveConversation;
  /** The command, e.g. `subscribe alert-raised urgency>=high`. */
  text: string;
  /** @mention the bot; default true except in a personal chat. */
  mention?: boolean;
  /**
   * Users or tags (ids) picked from the @ list, in order: each turns the first `@Their Name` left
   * in `text` into `<at>Their Name</at>` with its mention entity (compose-mentions.ts).
   */
  mentions?: string[];
  authorization?: string;
}

export interface SendMessageResult {
  /** The bot's HTTP status; 0 when it was not reached or not delivered. */
  status: number;
  body: unknown;
  /** False when Teams would not hand the message to the bot (no @mention outside personal, bot not installed). */
  delivered: boolean;
  /** The activity sent (or that would have been). */
  activity: Record<string, unknown>;
  /** Messages the bot created in that channel or chat during the turn, oldest first. */
  replies: FakeTeamsMessage[];
  error?: string;
}

function mentionOf(context: ConnectorContext, text: string) {
  const tag = `<at>${context.botName}</at>`;
  const entity = { type: 'mention', text: tag, mentioned: { id: context.botId, name: context.botName } };
  return { text: `\r\n${tag} ${text}\r\n`, entity };
}

/** Root channel or chat id: the bot may answer in the thread or with a new post in the same place. */
const placeOf = (where: InboundConversation) => (where.type === 'channel' ? where.channelId : where.chat.id);

/**
 * A user types a message where the bot can see it (reference teams.md §2, §2.1). In a channel the
 * message starts a thread, so `conversation.id` is `<channel>;messageid=<its id>`.
 */
export async function sendMessage(
  context: ConnectorContext,
  input: SendMessageInput,
): Promise<SendMessageResult> {
  const user = mustFindUser(context, input.from);
  const where = resolveDriveConversation(context, input.conversation, user.id);
  const id = nextMessageId(context);
  context.userMessages.set(id, placeOf(where));
  const conversationId = where.type === 'channel' ? threadId(where.channelId, id) : where.chat.id;
  const mention = input.mention ?? where.type !== 'personal';
  const composed = composeMentions(context, input.text, input.mentions ?? []);
  const mentioned = mention ? mentionOf(context, composed.text) : undefined;
  const activity = {
    ...buildInboundActivity(context, { type: 'message', id, conversationId, from: user, where }),
    text: mentioned?.text ?? composed.text,
    textFormat: 'plain',
    entities: [...(mentioned === undefined ? [] : [mentioned.entity]), ...composed.entities],
  };
  // Outside personal chats Teams only delivers messages that @mention the bot (§2).
  const installed = where.type !== 'channel' || botReachesChannel(context, where.channelId) !== undefined;
  if (!installed || (!mention && where.type !== 'personal')) {
    return { status: 0, body: undefined, delivered: false, activity, replies: [] };
  }
  const before = new Set(context.messages.keys());
  const reply = await postToBot({
    botUrl: input.botUrl,
    activity,
    timeoutMs: context.botTimeoutMs,
    ...(input.authorization === undefined ? {} : { authorization: input.authorization }),
  });
  const replies = [...context.messages.values()].filter(
    (message) => !before.has(message.id) && message.channelId === placeOf(where),
  );
  return { ...reply, delivered: true, activity, replies: structuredClone(replies) };
}
