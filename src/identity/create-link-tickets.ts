import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../clock.ts';
import { type IdentityOwner, identityOwnerKey } from './identity-store.ts';

/** A link form is filled in at once; an older one is refused. */
export const LINK_TICKET_TTL_MS = 15 * 60_000;

export interface LinkTickets {
  /** `<expiry seconds>.<mac>`: carried by a form whose submission names its submitter unsigned. */
  issue(owner: IdentityOwner): string;
  /** Whether the ticket was issued for this owner and has not expired. */
  check(ticket: string, owner: IdentityOwner): boolean;
}

/**
 * A form's proof that the bot opened it for this user: a form's submission can be posted by anyone
 * who finds the route (Mattermost dialogs carry no signature, reference mattermost.md §5.3), so
 * without it one could link a key of their own onto someone else's account.
 */
export function createLinkTickets(key: Buffer, clock: Clock): LinkTickets {
  // Its own key, derived from the encryption key: a ticket's MAC says nothing about the records'.
  const macKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'sekoia-chatops link ticket', 32));
  const mac = (owner: IdentityOwner, expires: number) =>
    createHmac('sha256', macKey)
      .update(`${identityOwnerKey(owner)}\n${expires}`)
      .digest('base64url');
  return {
    issue(owner) {
      const expires = Math.floor((clock.now() + LINK_TICKET_TTL_MS) / 1_000);
      return `${expires}.${mac(owner, expires)}`;
    },
    check(ticket, owner) {
      const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(ticket);
      if (match === null) return false;
      const expires = Number(match[1]);
      const expected = Buffer.from(mac(owner, expires));
      const given = Buffer.from(match[2] ?? '');
      return timingSafeEqual(given, expected) && expires * 1_000 > clock.now();
    },
  };
}
