import type { AccessSetting } from '../../src/access/access-level.ts';
import { type AccessStore, accessChannelKey } from '../../src/access/access-store.ts';
import type { MemberRoles } from '../../src/access/member-roles.ts';

/** The access store in a Map, for tests of the core that need no real store. */
export function createMemoryAccessStore(): AccessStore & { levels: Map<string, AccessSetting> } {
  const levels = new Map<string, AccessSetting>();
  return {
    levels,
    get: async (channel) => levels.get(accessChannelKey(channel)),
    set: async (channel, setting) => {
      levels.set(accessChannelKey(channel), setting);
    },
  };
}

export const MEMBER: MemberRoles = { member: true, guest: false, admin: false };
export const ADMIN: MemberRoles = { member: true, guest: false, admin: true };
export const GUEST: MemberRoles = { member: true, guest: true, admin: false };
