import {
  type CacheLookupsOptions,
  cacheLookups,
  LOOKUP_MAX_ENTRIES,
  LOOKUP_TTL_MS,
} from './cache-lookups.ts';
import type { MemberDirectory, MemberRoles } from './member-roles.ts';

/** Long enough for a burst of clicks, short enough that a removed admin or member is soon refused. */
export const MEMBER_ROLES_TTL_MS = LOOKUP_TTL_MS;
export const MEMBER_ROLES_MAX_ENTRIES = LOOKUP_MAX_ENTRIES;

/**
 * The directory behind a small cache per channel and user (cacheLookups: kept `ttlMs`, shared while
 * under way, failures not kept, at most `maxEntries`).
 */
export function cacheMemberRoles(directory: MemberDirectory, options: CacheLookupsOptions): MemberDirectory {
  const cached = cacheLookups<MemberRoles>(options);
  return {
    readMemberRoles: (channel, userId) =>
      cached(JSON.stringify([channel, userId]), () => directory.readMemberRoles(channel, userId)),
  };
}
