import { z } from 'zod';

/**
 * Who may act in a channel (card buttons and the commands that change things): `everyone` is every
 * member of the channel, `admins` its admins (on Mattermost: channel, team and system admins),
 * `groups` the members of the named user groups plus those admins (so that a group renamed or
 * emptied never locks the channel out of `access`). Guests never act, whatever the level.
 */
export const ACCESS_LEVELS = ['everyone', 'admins', 'groups'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

/** A channel with no setting: today's behaviour, every member. */
export const DEFAULT_ACCESS_LEVEL: AccessLevel = 'everyone';

export const accessLevelSchema = z.enum(ACCESS_LEVELS);

/** At most this many groups per channel: enough for a SOC's rota, short enough to read in a refusal. */
export const MAX_ACCESS_GROUPS = 10;

/**
 * A group as `access groups` names it: a Mattermost-style mention name, lower case, without `@`
 * (`^[a-z0-9.\-_]+$`, at most 64 characters: server/public/model/group.go, IsValidName).
 */
export const groupNameSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9.\-_]+$/);

/** A channel's level as set: by whom (the chat name) and when (epoch ms), shown by `access`. */
export interface AccessSetting {
  level: AccessLevel;
  /** The group names (without `@`) whose members may act, at level `groups`. */
  groups?: readonly string[] | undefined;
  setBy?: string | undefined;
  setAt?: number | undefined;
}

/** The stored setting; a bare level (stored before who and when were kept) reads as one. */
export const accessSettingSchema: z.ZodType<AccessSetting, unknown> = z.union([
  accessLevelSchema.transform((level) => ({ level })),
  z.object({
    level: accessLevelSchema,
    groups: z.array(groupNameSchema).max(MAX_ACCESS_GROUPS).optional(),
    setBy: z.string().max(200).optional(),
    setAt: z.number().int().nonnegative().optional(),
  }),
]);

/** What an interaction asks for: acting (a click, a command that changes things) or changing the level itself. */
export type AccessNeed = 'act' | 'govern';
