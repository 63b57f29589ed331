import { z } from 'zod';

/**
 * Who may act in a channel (card buttons and the commands that change things): `everyone` is every
 * member of the channel, `admins` its admins (on Mattermost: channel, team and system admins).
 * Guests never act, whatever the level.
 */
export const ACCESS_LEVELS = ['everyone', 'admins'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

/** A channel with no setting: today's behaviour, every member. */
export const DEFAULT_ACCESS_LEVEL: AccessLevel = 'everyone';

export const accessLevelSchema = z.enum(ACCESS_LEVELS);

/** A channel's level as set: by whom (the chat name) and when (epoch ms), shown by `access`. */
export interface AccessSetting {
  level: AccessLevel;
  setBy?: string | undefined;
  setAt?: number | undefined;
}

/** The stored setting; a bare level (stored before who and when were kept) reads as one. */
export const accessSettingSchema: z.ZodType<AccessSetting, unknown> = z.union([
  accessLevelSchema.transform((level) => ({ level })),
  z.object({
    level: accessLevelSchema,
    setBy: z.string().max(200).optional(),
    setAt: z.number().int().nonnegative().optional(),
  }),
]);

/** What an interaction asks for: acting (a click, a command that changes things) or changing the level itself. */
export type AccessNeed = 'act' | 'govern';
