import type { Clock } from '../clock.ts';
import type { MemberDirectory, MemberRoles } from './member-roles.ts';

/** Long enough for a burst of clicks, short enough that a removed admin or member is soon refused. */
export const MEMBER_ROLES_TTL_MS = 30_000;
export const MEMBER_ROLES_MAX_ENTRIES = 2_000;

interface Entry {
  roles: Promise<MemberRoles>;
  expiresAt: number;
}

/**
 * The directory behind a small cache per channel and user: answers are kept `ttlMs`, a lookup under
 * way is shared by the clicks that arrive meanwhile, and a failure is not kept (the next click asks
 * again). At most `maxEntries` are kept, the oldest dropped first.
 */
export function cacheMemberRoles(
  directory: MemberDirectory,
  options: { clock: Clock; ttlMs?: number; maxEntries?: number },
): MemberDirectory {
  const ttlMs = options.ttlMs ?? MEMBER_ROLES_TTL_MS;
  const maxEntries = options.maxEntries ?? MEMBER_ROLES_MAX_ENTRIES;
  const entries = new Map<string, Entry>();
  return {
    readMemberRoles(channel, userId) {
      const key = `${channel}\n${userId}`;
      const now = options.clock.now();
      const cached = entries.get(key);
      if (cached !== undefined && cached.expiresAt > now) return cached.roles;
      entries.delete(key);
      const roles = directory.readMemberRoles(channel, userId);
      const entry = { roles, expiresAt: now + ttlMs };
      entries.set(key, entry);
      roles.catch(() => {
        if (entries.get(key) === entry) entries.delete(key);
      });
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
      return roles;
    },
  };
}
