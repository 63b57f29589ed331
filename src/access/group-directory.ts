/** A name `access groups` gave that is no group the platform knows, with the closest one if any is close. */
export interface MissingGroup {
  name: string;
  suggestion?: string | undefined;
}

/**
 * The port a platform with named user groups implements with its own API. Names are mention names
 * without `@`, lower case. Both calls throw BotError `groups_unavailable` (with a message for the
 * user) when the platform answers that it has no groups (not licensed, turned off), and any other
 * error when it cannot answer just now; the caller then refuses.
 */
export interface GroupDirectory {
  /** The names of the groups the user is in. */
  readUserGroups(userId: string): Promise<readonly string[]>;
  /** Those of `names` that are no group (empty when all exist). */
  findMissingGroups(names: readonly string[]): Promise<MissingGroup[]>;
}

/** A platform without named groups (yet): why, in words for the user, said when `access groups` is refused. */
export interface GroupsUnsupported {
  unsupported: string;
}

/** What a platform offers for the `groups` access level: a directory, or the reason it has none. */
export type PlatformGroups = GroupDirectory | GroupsUnsupported;

export function groupsSupported(groups: PlatformGroups): groups is GroupDirectory {
  return !('unsupported' in groups);
}

/** `@secops, @soc-leads` */
export function mentionGroups(groups: readonly string[]): string {
  return groups.map((group) => `@${group}`).join(', ');
}
