import { z } from 'zod';

const text = z.string().max(512).nullish().catch(undefined);

/**
 * `GET /v1/me`: the caller's profile (`uuid`, `email`, …, reference §2). Read leniently: only a name
 * to show is taken from it, and a key's profile may lack any of them.
 */
export const profileSchema = z.looseObject({
  uuid: z.string().max(128).nullish().catch(undefined),
  name: text,
  email: text,
  firstname: text,
  lastname: text,
  type: text,
});

export type SekoiaProfile = z.infer<typeof profileSchema>;
