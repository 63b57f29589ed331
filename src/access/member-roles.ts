/** What the platform says of one user in one channel, as the access policy reads it. */
export interface MemberRoles {
  /** In the channel (or, where the platform has no such notion, in its roster). */
  member: boolean;
  /** A guest account (Mattermost `system_guest` / `scheme_guest`, Teams `userRole` other than `user`). */
  guest: boolean;
  /** A channel, team or system admin; null when the platform cannot tell (yet). */
  admin: boolean | null;
}

/**
 * The port each platform implements with its own API: the roles of `userId` in `channel` (the
 * platform's channel id). It throws when the platform cannot answer; the caller then refuses.
 */
export interface MemberDirectory {
  readMemberRoles(channel: string, userId: string): Promise<MemberRoles>;
}
