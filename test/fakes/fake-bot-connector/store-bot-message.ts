import { type MentionReading, readMentions } from './check-mentions.ts';
import { type ConnectorContext, nextMessageId } from './connector-context.ts';
import { badSyntax, type ConnectorError, messageTooBig } from './connector-error.ts';
import type { FakeTeamsMessage } from './connector-model.ts';
import { threadId } from './resolve-conversation.ts';

/** Teams' message size limit, counted in UTF-16 (reference teams.md §5.4). */
export const MAX_MESSAGE_BYTES = 100 * 1024;

/** The UTF-16 size of the serialized activity: two bytes per JavaScript string unit. */
export function messageBytes(activity: unknown): number {
  return JSON.stringify(activity).length * 2;
}

export function checkMessageSize(activity: unknown): ConnectorError | undefined {
  return messageBytes(activity) > MAX_MESSAGE_BYTES ? messageTooBig() : undefined;
}

/** Where a new message lands: a thread (reply), a chat, or neither (a new top-level channel post). */
export interface Placement {
  channelId: string;
  teamId?: string;
  /** The thread or chat id; absent for a new top-level post, which roots its own thread. */
  conversationId?: string;
  replyToId?: string;
}

const attachmentsOf = (activity: Record<string, unknown>): unknown[] =>
  Array.isArray(activity.attachments) ? activity.attachments : [];

/** Text with attachments, or several attachments not in a carousel, become several messages (§3.4). */
export function isSplitByTeams(activity: Record<string, unknown>): boolean {
  const attachments = attachmentsOf(activity);
  const hasText = typeof activity.text === 'string' && activity.text.trim() !== '';
  const list = activity.attachmentLayout !== 'carousel';
  return (hasText && attachments.length > 0) || (list && attachments.length > 1);
}

function splitParts(activity: Record<string, unknown>): Record<string, unknown>[] {
  const { text, attachments: _attachments, ...rest } = activity;
  const textPart = typeof text === 'string' && text.trim() !== '' ? [{ ...rest, text }] : [];
  return [
    ...textPart,
    ...attachmentsOf(activity).map((attachment) => ({ ...rest, attachments: [attachment] })),
  ];
}

function storeOne(
  context: ConnectorContext,
  placement: Placement,
  part: { activity: Record<string, unknown>; mentions: MentionReading },
  split: boolean,
): FakeTeamsMessage {
  const { activity, mentions } = part;
  const id = nextMessageId(context);
  const now = context.clock.now();
  const body = structuredClone(activity);
  const message: FakeTeamsMessage = {
    id,
    conversationId: placement.conversationId ?? threadId(placement.channelId, id),
    channelId: placement.channelId,
    ...(placement.teamId === undefined ? {} : { teamId: placement.teamId }),
    ...(placement.replyToId === undefined ? {} : { replyToId: placement.replyToId }),
    activity: body,
    versions: [structuredClone(body)],
    createdAt: now,
    updatedAt: now,
    pinged: [...mentions.pinged],
    unmatchedMentions: [...mentions.unmatched],
    ...(split ? { split } : {}),
  };
  context.messages.set(id, message);
  // Teams notifies whom a new message mentions; an edit notifies nobody (handleUpdateActivity).
  if (mentions.pinged.length > 0) context.pings.push({ messageId: id, ids: [...mentions.pinged], at: now });
  return message;
}

export type PostOutcome = { stored: FakeTeamsMessage[]; split: boolean } | { error: ConnectorError };

/** Stores what the bot posted, as Teams would show it; `typing` shows nothing and stores nothing. */
export function postBotActivity(
  context: ConnectorContext,
  placement: Placement,
  activity: Record<string, unknown>,
): PostOutcome {
  if (activity.type === 'typing') return { stored: [], split: false };
  if (activity.type !== 'message') return { error: badSyntax('Unsupported activity type.') };
  const tooBig = checkMessageSize(activity);
  if (tooBig !== undefined) return { error: tooBig };
  const split = isSplitByTeams(activity);
  const parts: { activity: Record<string, unknown>; mentions: MentionReading }[] = [];
  for (const part of split ? splitParts(activity) : [activity]) {
    const mentions = readMentions(context, part);
    if ('error' in mentions) return { error: mentions.error };
    parts.push({ activity: part, mentions });
  }
  return { stored: parts.map((part) => storeOne(context, placement, part, split)), split };
}
