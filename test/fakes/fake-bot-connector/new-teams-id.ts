import { randomBytes, randomInt } from 'node:crypto';

/** Composed ids in the shapes of reference teams.md §2. */

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

export const newChannelId = (): string => `19:${hex(16)}@thread.tacv2`;

export const newGroupChatId = (): string => `19:${hex(16)}@thread.v2`;

export const newUserId = (): string => `29:1${randomBytes(36).toString('base64url')}`;

export const newPersonalChatId = (): string => `a:1${randomBytes(48).toString('base64url')}`;

/** Ids of activities that are not messages (invokes, conversation updates), e.g. `f:7766554433`. */
export const newEventId = (): string => `f:${randomInt(1_000_000_000, 9_999_999_999)}`;
