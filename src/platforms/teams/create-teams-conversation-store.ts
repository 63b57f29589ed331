import { z } from 'zod';
import type { Logger } from '../../log.ts';
import type { TeamsConversation, TeamsConversationStore } from './teams-conversation.ts';

/** The key-value records the store keeps its references in (the app passes a keyv namespace). */
export interface ConversationRecords {
  get(key: string): Promise<unknown>;
  set(key: string, value: TeamsConversation): Promise<unknown>;
}

const conversationSchema: z.ZodType<TeamsConversation, unknown> = z.object({
  id: z.string().min(1),
  kind: z.enum(['channel', 'groupChat', 'personal']),
  // Absent from references stored before private and shared channels were told apart.
  channelType: z.enum(['standard', 'private', 'shared']).nullable().default(null),
  serviceUrl: z.string().url(),
  tenantId: z.string(),
  teamId: z.string().nullable(),
  botId: z.string(),
  updatedAt: z.number().finite(),
});

/** Teams conversation references, one key each, read back through zod. */
export function createTeamsConversationStore(options: {
  records: ConversationRecords;
  log: Logger;
}): TeamsConversationStore {
  const { records, log } = options;
  const key = (id: string) => `conversation:${id}`;
  return {
    async get(id) {
      const value = await records.get(key(id));
      if (value === undefined) return undefined;
      const parsed = conversationSchema.safeParse(value);
      if (!parsed.success)
        log.warn({ conversationId: id.slice(0, 120) }, 'corrupt Teams conversation ignored');
      return parsed.success ? parsed.data : undefined;
    },
    put: async (conversation) => {
      await records.set(key(conversation.id), conversation);
    },
  };
}
