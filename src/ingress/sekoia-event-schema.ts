import { z } from 'zod';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SHORT_ID = /^[A-Za-z0-9]{1,64}$/;
const shortText = (max: number) => z.string().min(1).max(max);

/**
 * The v2 WebHook envelope (reference §3.2). Unknown fields are kept (the list of types and
 * attributes is open-ended); what the bot relies on is checked strictly.
 */
export const sekoiaEventSchema = z
  .looseObject({
    type: shortText(100).regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits and _ . : - only'),
    action: shortText(100).regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits and _ . : - only'),
    attributes: z.looseObject({
      uuid: z.string().max(100).optional(),
      short_id: z.string().regex(SHORT_ID, 'letters and digits only').optional(),
    }),
    metadata: z.looseObject({
      version: z.union([z.number(), z.string().max(10)]).optional(),
      // The field table says `created`, the example and every client `created_at`: accept either.
      created_at: z.string().max(64).optional(),
      created: z.string().max(64).optional(),
      community_uuid: z.string().max(100).nullish(),
      uuid: z.string().min(1).max(100).optional(),
    }),
  })
  .superRefine((event, ctx) => {
    if (event.type === 'alert') {
      if (!event.attributes.uuid || !UUID.test(event.attributes.uuid)) {
        ctx.addIssue({
          code: 'custom',
          path: ['attributes', 'uuid'],
          message: 'an alert event needs the alert UUID',
        });
      }
    }
    if (!event.metadata.created_at && !event.metadata.created) {
      ctx.addIssue({ code: 'custom', path: ['metadata', 'created_at'], message: 'required' });
    }
  });

export type SekoiaEvent = z.infer<typeof sekoiaEventSchema>;

/** Keys under which a notification counts as "seen" (reference §3.4 rule 4). */
export function dedupeKeysOf(event: SekoiaEvent): string[] {
  const createdAt = event.metadata.created_at ?? event.metadata.created ?? '';
  const keys = [`c:${event.type}|${event.action}|${event.attributes.uuid ?? ''}|${createdAt}`];
  if (event.metadata.uuid) keys.unshift(`u:${event.metadata.uuid}`);
  return keys;
}
