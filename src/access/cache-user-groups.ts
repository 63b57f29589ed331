import { type CacheLookupsOptions, cacheLookups } from './cache-lookups.ts';
import type { GroupDirectory } from './group-directory.ts';

/**
 * The directory with each user's groups cached like the roles (30 s, shared while under way, a
 * failure not kept): a burst of clicks asks the platform once. Checking names (`access groups`) is
 * rare and always asks.
 */
export function cacheUserGroups(directory: GroupDirectory, options: CacheLookupsOptions): GroupDirectory {
  const cached = cacheLookups<readonly string[]>(options);
  return {
    readUserGroups: (userId) => cached(userId, () => directory.readUserGroups(userId)),
    findMissingGroups: (names) => directory.findMissingGroups(names),
  };
}
