import { z } from 'zod';
import type { Clock } from '../clock.ts';
import { isBotError } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { SekoiaApi } from '../sekoia/sekoia-api.ts';
import { createLinkTickets, type LinkTickets } from './create-link-tickets.ts';
import { describeProfile } from './describe-profile.ts';
import { createIdentityCipher } from './identity-cipher.ts';
import { type IdentityOwner, type IdentityStore, identityOwnerKey } from './identity-store.ts';

/** What a user's record says: not linked, linked (with the key, in memory only), or sealed with another key. */
export type LinkState =
  | { kind: 'none' }
  | { kind: 'linked'; apiKey: string; name: string; linkedAt: number }
  | { kind: 'unreadable' };

/** `refused`: Sekoia.io did not accept the key; `malformed`: not even sent; `unavailable`: try again. */
export type LinkResult =
  | { ok: true; name: string }
  | { ok: false; reason: 'refused' | 'malformed' | 'unavailable' };

export interface IdentityLinks {
  /** False without IDENTITY_ENCRYPTION_KEY: nobody can link, every action uses the bot's key. */
  enabled: boolean;
  find(owner: IdentityOwner): Promise<LinkState>;
  /** Checks the key with `GET /v1/me` on the configured Sekoia.io, then keeps it sealed. */
  link(owner: IdentityOwner, apiKey: string): Promise<LinkResult>;
  /** Whether there was a link to remove. */
  unlink(owner: IdentityOwner): Promise<boolean>;
  /** Proof that a link form was opened by the bot for its submitter (undefined when disabled). */
  tickets: LinkTickets | undefined;
}

/** Sekoia.io keys are at most 100 characters (reference §2); printable, no spaces. */
const apiKeySchema = z
  .string()
  .trim()
  .regex(/^[\x21-\x7e]{8,256}$/);

const recordSchema = z.object({ k: z.string().min(1), n: z.string(), at: z.number() });

function readRecord(text: string) {
  try {
    return recordSchema.safeParse(JSON.parse(text));
  } catch {
    // Sealed by us, so always JSON; a record that is not reads as unreadable all the same.
    return undefined;
  }
}

export const DISABLED_IDENTITY_LINKS: IdentityLinks = {
  enabled: false,
  find: async () => ({ kind: 'none' }),
  link: async () => ({ ok: false, reason: 'unavailable' }),
  unlink: async () => false,
  tickets: undefined,
};

export interface CreateIdentityLinksOptions {
  /** The 32 bytes of IDENTITY_ENCRYPTION_KEY. */
  key: Buffer;
  store: IdentityStore;
  sekoia: Pick<SekoiaApi, 'whoAmI'>;
  clock: Clock;
  log: Logger;
}

/** Linked identities: a user's own Sekoia.io key, checked, sealed with AES-256-GCM, bound to the user. */
export function createIdentityLinks(options: CreateIdentityLinksOptions): IdentityLinks {
  const { store, sekoia, clock, log } = options;
  const cipher = createIdentityCipher(options.key);
  return {
    enabled: true,
    tickets: createLinkTickets(options.key, clock),
    async find(owner) {
      const sealed = await store.get(owner);
      if (sealed === undefined) return { kind: 'none' };
      const opened = cipher.open(sealed, identityOwnerKey(owner));
      const record = opened === undefined ? undefined : readRecord(opened);
      if (record?.success !== true) {
        log.warn({ platform: owner.platform }, 'a linked identity could not be decrypted (key changed?)');
        return { kind: 'unreadable' };
      }
      return { kind: 'linked', apiKey: record.data.k, name: record.data.n, linkedAt: record.data.at };
    },
    async link(owner, typed) {
      const parsed = apiKeySchema.safeParse(typed);
      if (!parsed.success) return { ok: false, reason: 'malformed' };
      const apiKey = parsed.data;
      let name: string;
      try {
        name = describeProfile(await sekoia.whoAmI(apiKey));
      } catch (error) {
        const refused = isBotError(error, 'sekoia_unauthorized') || isBotError(error, 'sekoia_forbidden');
        log.info({ code: isBotError(error) ? error.code : 'unexpected' }, 'a key to link was not accepted');
        return { ok: false, reason: refused ? 'refused' : 'unavailable' };
      }
      const record = JSON.stringify({ k: apiKey, n: name, at: clock.now() });
      await store.set(owner, cipher.seal(record, identityOwnerKey(owner)));
      log.info({ platform: owner.platform }, 'a user linked their Sekoia.io identity');
      return { ok: true, name };
    },
    async unlink(owner) {
      const removed = await store.delete(owner);
      if (removed) log.info({ platform: owner.platform }, 'a user unlinked their Sekoia.io identity');
      return removed;
    },
  };
}
