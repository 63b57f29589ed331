import type { ConnectorContext, StoredTeam } from './connector-context.ts';
import { botReachesChannel } from './connector-context.ts';
import { botNotInRoster, type ConnectorError, conversationNotFound } from './connector-error.ts';
import type { FakeTeamsChat } from './connector-model.ts';

export type ConversationTarget =
  | { type: 'channel'; team: StoredTeam; channelId: string; rootId?: string }
  | { type: 'groupChat' | 'personal'; chat: FakeTeamsChat };

const THREAD_ID = /^(.+);messageid=(\d+)$/;

/** Splits `<channel>;messageid=<root>` (reference teams.md §2); a bare id has no root. */
export function parseThreadId(conversationId: string): { baseId: string; rootId?: string } {
  const match = THREAD_ID.exec(conversationId);
  const [, baseId, rootId] = match ?? [];
  return baseId === undefined || rootId === undefined ? { baseId: conversationId } : { baseId, rootId };
}

export function threadId(channelId: string, rootId: string): string {
  return `${channelId};messageid=${rootId}`;
}

function knownRoot(context: ConnectorContext, channelId: string, rootId: string): boolean {
  return (
    context.messages.get(rootId)?.channelId === channelId || context.userMessages.get(rootId) === channelId
  );
}

/**
 * The conversation behind a decoded path id. A channel the fake does not know, of a team without
 * the bot, or a private or shared channel the app was not added to, is outside the bot's roster
 * (403, §3.4); a thread needs a root the fake saw.
 */
export function resolveConversation(
  context: ConnectorContext,
  conversationId: string,
): { target: ConversationTarget } | { error: ConnectorError } {
  const { baseId, rootId } = parseThreadId(conversationId);
  const chat = context.chats.get(baseId);
  if (chat !== undefined) {
    return rootId === undefined ? { target: { type: chat.type, chat } } : { error: conversationNotFound() };
  }
  const team = botReachesChannel(context, baseId);
  if (team === undefined) return { error: botNotInRoster() };
  if (rootId === undefined) return { target: { type: 'channel', team, channelId: baseId } };
  if (!knownRoot(context, baseId, rootId)) return { error: conversationNotFound() };
  return { target: { type: 'channel', team, channelId: baseId, rootId } };
}
