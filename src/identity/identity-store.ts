import type { PlatformId } from '../rules/platform-id.ts';

/** A chat user as the platform vouches for it: the owner of a linked identity. */
export interface IdentityOwner {
  platform: PlatformId;
  id: string;
}

/** The sealed records by owner (implemented in storage/ on a keyv namespace); never a key in clear. */
export interface IdentityStore {
  get(owner: IdentityOwner): Promise<string | undefined>;
  set(owner: IdentityOwner, sealed: string): Promise<void>;
  /** Whether there was one. */
  delete(owner: IdentityOwner): Promise<boolean>;
}

/** The owner's key, and the associated data its record is sealed with. */
export function identityOwnerKey(owner: IdentityOwner): string {
  return `${owner.platform}/${encodeURIComponent(owner.id)}`;
}
