import { z } from 'zod';

/**
 * A chat platform's id, as rules, cards and button grants keep it. Each platform names its own (in
 * src/platforms/, gathered in platforms/platform-list.ts); the core passes it along and never spells
 * one, so that adding a platform edits no file here.
 */
export type PlatformId = string;

/**
 * A well-formed id, checked where one comes in from outside (stored rules and cards, queued jobs,
 * signed grants). An id no platform of this build has reads like a platform that is not enabled.
 */
export const platformIdSchema = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/);
