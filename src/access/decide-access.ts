import type { AccessLevel, AccessNeed } from './access-level.ts';
import type { MemberRoles } from './member-roles.ts';

/** Why an interaction was refused; `lookup-failed` when the platform did not say who the user is. */
export type RefusalReason = 'guest' | 'not-member' | 'not-admin' | 'admins-unknown' | 'lookup-failed';

export type AccessDecision = { allowed: true } | { allowed: false; reason: RefusalReason };

const refuse = (reason: RefusalReason): AccessDecision => ({ allowed: false, reason });

/**
 * The policy, pure: guests never act; someone outside the channel does not either (unless an
 * admin: a system admin may act anywhere); changing the level takes an admin; acting takes a member
 * at `everyone`, an admin at `admins`. An admin the platform cannot tell is no admin.
 */
export function decideAccess(level: AccessLevel, need: AccessNeed, roles: MemberRoles): AccessDecision {
  if (roles.guest) return refuse('guest');
  if (!roles.member && roles.admin !== true) return refuse('not-member');
  if (need === 'govern') {
    if (roles.admin === null) return refuse('admins-unknown');
    return roles.admin ? { allowed: true } : refuse('not-admin');
  }
  if (level === 'everyone' || roles.admin === true) return { allowed: true };
  return refuse('not-admin');
}
