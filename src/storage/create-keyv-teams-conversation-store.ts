import type { Keyv } from 'keyv';
import { z } from 'zod';
import type { Logger } from '../log.ts';
import type { TeamsConversation, TeamsConversationStore } from '../platforms/teams/teams-conversation.ts';

const conversationSchema: z.ZodType<TeamsConversation> = z.object({
  id: z.string().min(1),
  kind: z.enum(['channel', 'groupChat', 'personal']),
  serviceUrl: z.string().url(),
  tenantId: z.string(),
  teamId: z.string().nullable(),
  botId: z.string(),
  updatedAt: z.number().finite(),
});

/** Teams conversation references on keyv, one key each, read back through zod. */
export function createKeyvTeamsConversationStore(options: {
  keyv: Keyv;
  log: Logger;
}): TeamsConversationStore {
  const { keyv, log } = options;
  const key = (id: string) => `conversation:${id}`;
  return {
    async get(id) {
      const value = await keyv.get<unknown>(key(id));
      if (value === undefined) return undefined;
      const parsed = conversationSchema.safeParse(value);
      if (!parsed.success)
        log.warn({ conversationId: id.slice(0, 120) }, 'corrupt Teams conversation ignored');
      return parsed.success ? parsed.data : undefined;
    },
    put: async (conversation) => {
      await keyv.set(key(conversation.id), conversation);
    },
  };
}
