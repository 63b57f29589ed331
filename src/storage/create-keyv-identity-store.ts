import type { Keyv } from 'keyv';
import { z } from 'zod';
import { type IdentityStore, identityOwnerKey } from '../identity/identity-store.ts';

const sealedSchema = z.string().startsWith('v1.').max(4_096);

/** Each linked user's sealed record on a keyv namespace (store.keyv('identities')); nothing in clear. */
export function createKeyvIdentityStore(keyv: Keyv): IdentityStore {
  return {
    async get(owner) {
      const parsed = sealedSchema.safeParse(await keyv.get<unknown>(identityOwnerKey(owner)));
      return parsed.success ? parsed.data : undefined;
    },
    async set(owner, sealed) {
      await keyv.set(identityOwnerKey(owner), sealed);
    },
    delete: (owner) => keyv.delete(identityOwnerKey(owner)),
  };
}
