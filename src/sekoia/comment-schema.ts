import { z } from 'zod';

/** A comment as posted or listed (reference §7); `date` is Unix seconds. */
export const commentSchema = z.looseObject({
  uuid: z.string().min(1),
  content: z.string(),
  author: z.string().nullish(),
  date: z.number().nullish(),
  created_by: z.string().nullish(),
  created_by_type: z.string().nullish(),
  unseen: z.boolean().nullish(),
});

export type SekoiaComment = z.infer<typeof commentSchema>;
