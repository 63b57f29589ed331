import { z } from 'zod';
import { isSekoiaUuid } from './validate-alert-id.ts';

/** A UUID in Sekoia's layout (not necessarily RFC 4122 versioned, see validate-alert-id.ts). */
export const sekoiaUuidSchema = z.string().refine(isSekoiaUuid, { message: 'not a UUID' });
