import { z } from 'zod';
import { sekoiaUuidSchema } from './sekoia-uuid-schema.ts';

const intakeFieldsSchema = z.looseObject({
  uuid: sekoiaUuidSchema,
  name: z.string(),
  community_uuid: z.string().nullish(),
  entity_uuid: z.string().nullish(),
  entity: z.looseObject({ uuid: z.string(), name: z.string() }).nullish(),
  format_uuid: z.string().nullish(),
  /** Meaningful mainly for pull intakes, e.g. `STOPPED` (reference §9). */
  status: z.string().nullish(),
});

/**
 * An intake (reference §9). `intake_key` is the secret that lets anyone push events into the intake:
 * it is dropped here, so that nothing downstream can store, log or display it.
 */
export const intakeSchema = intakeFieldsSchema.transform(({ intake_key: _secret, ...intake }) => intake);

export type SekoiaIntake = z.output<typeof intakeSchema>;
