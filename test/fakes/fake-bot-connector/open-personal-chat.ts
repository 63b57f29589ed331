import type { ConnectorContext } from './connector-context.ts';
import type { FakeTeamsChat } from './connector-model.ts';
import { newPersonalChatId } from './new-teams-id.ts';

export function findPersonalChat(context: ConnectorContext, userId: string): FakeTeamsChat | undefined {
  return [...context.chats.values()].find((chat) => chat.type === 'personal' && chat.members[0] === userId);
}

/** The bot's 1:1 chat with a user: one per user, `a:<opaque>` (reference teams.md §2). */
export function openPersonalChat(context: ConnectorContext, userId: string): FakeTeamsChat {
  const existing = findPersonalChat(context, userId);
  if (existing !== undefined) return existing;
  const chat: FakeTeamsChat = { id: newPersonalChatId(), type: 'personal', members: [userId] };
  context.chats.set(chat.id, chat);
  return chat;
}
