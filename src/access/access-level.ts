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

/** What an interaction asks for: acting (a click, a command that changes things) or changing the level itself. */
export type AccessNeed = 'act' | 'govern';
