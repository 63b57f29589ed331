import type { AccessNeed, AccessSetting } from './access-level.ts';
import type { MemberRoles } from './member-roles.ts';

/**
 * Why an interaction was refused: `lookup-failed` when the platform did not say who the user is,
 * `groups-unknown` when the decision waits on the user's groups (the guard reads them and asks
 * again), `groups-unavailable` when the platform cannot say who is in a group (not licensed there).
 */
export type RefusalReason =
  | 'guest'
  | 'not-member'
  | 'not-admin'
  | 'admins-unknown'
  | 'not-in-group'
  | 'groups-unknown'
  | 'groups-unavailable'
  | 'lookup-failed';

export type AccessDecision = { allowed: true } | { allowed: false; reason: RefusalReason };

const refuse = (reason: RefusalReason): AccessDecision => ({ allowed: false, reason });

/**
 * The policy, pure: guests never act; someone outside the channel does not either (unless an
 * admin: a system admin may act anywhere); changing the level takes an admin; acting takes a member
 * at `everyone`, an admin at `admins`, an admin or a member of one of the named groups at `groups`.
 * An admin the platform cannot tell is no admin. `userGroups` is null until read: only the `groups`
 * level for a member who is no admin needs them, so the guard reads them only then.
 */
export function decideAccess(
  setting: AccessSetting,
  need: AccessNeed,
  roles: MemberRoles,
  userGroups: readonly string[] | null = null,
): AccessDecision {
  if (roles.guest) return refuse('guest');
  if (!roles.member && roles.admin !== true) return refuse('not-member');
  if (need === 'govern') {
    if (roles.admin === null) return refuse('admins-unknown');
    return roles.admin ? { allowed: true } : refuse('not-admin');
  }
  if (setting.level === 'everyone' || roles.admin === true) return { allowed: true };
  if (setting.level === 'admins') return refuse('not-admin');
  if (userGroups === null) return refuse('groups-unknown');
  const named = new Set(setting.groups ?? []);
  return userGroups.some((group) => named.has(group.toLowerCase()))
    ? { allowed: true }
    : refuse('not-in-group');
}
