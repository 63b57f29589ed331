import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../clock.ts';
import { EXCLUSION_KEYS } from '../rules/edit-exclusion.ts';
import { platformIdSchema } from '../rules/platform-id.ts';
import type { ActionGrant, ClickOrigin, GrantToSign } from './action-grant.ts';
import { CARD_ACTION_KEYS } from './action-table.ts';
import { refuseAction } from './refuse-action.ts';

/** Buttons stay valid this long after the card was last rendered (every update re-signs them). */
export const DEFAULT_GRANT_TTL_MS = 30 * 24 * 3_600_000;

/**
 * Version 1 bound the card's message id, which exists only once the post does (a card cost a post
 * and an edit); version 2 leaves it out and the click's message is checked against the stored card
 * instead (create-click-verifier.ts). Version 1 buttons already on cards stay valid until they expire.
 */
const CURRENT_VERSION = 2;
/** Version 2 plus what an Exclude or Undo button changes in the rule (`k` the key, `x` the value). */
const EXCLUSION_VERSION = 3;
/** As long as a condition's value may be (canonical-value.ts): every name a condition can hold. */
const EXCLUSION_VALUE_MAX = 200;

const fields = {
  a: z.enum(CARD_ACTION_KEYS),
  al: z.string().min(1).max(64),
  pf: platformIdSchema,
  ch: z.string().min(1).max(512),
  r: z.string().max(32),
  exp: z.number().int().positive(),
  s: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
};

/** The signed payload as it travels: short keys, because it rides on every button of every card. */
const signedGrantSchema = z.discriminatedUnion('v', [
  z.strictObject({ v: z.literal(1), ...fields, m: z.string().min(1).max(512) }),
  z.strictObject({ v: z.literal(CURRENT_VERSION), ...fields }),
  z.strictObject({
    v: z.literal(EXCLUSION_VERSION),
    ...fields,
    k: z.enum(EXCLUSION_KEYS),
    x: z.string().min(1).max(EXCLUSION_VALUE_MAX),
  }),
]);

type AnySignedGrant = z.infer<typeof signedGrantSchema>;
type Unsigned<T> = T extends unknown ? Omit<T, 's'> : never;
export type SignedGrant = Exclude<AnySignedGrant, { v: 1 }>;

/** A grant whose signature, expiry, platform and channel check out. */
export interface CheckedGrant {
  grant: ActionGrant;
  /**
   * True for a version 2 grant: nothing signed names the message, so the caller must check that
   * the click's message is the stored card of that alert in that channel.
   */
  cardUnchecked: boolean;
}

export interface ActionSigner {
  sign(grant: GrantToSign): SignedGrant;
  /**
   * The grant, once the signature, the expiry and the origin (the message too for version 1) check
   * out; otherwise a BotError `action_forbidden` that says nothing about which check failed. The
   * grant's `messageId` is the click's.
   */
  verify(payload: unknown, origin: ClickOrigin): CheckedGrant;
}

export interface CreateActionSignerOptions {
  key: string;
  clock: Clock;
  ttlMs?: number;
}

/** The canonical line the HMAC covers: every field, version first, so formats can change. */
function canonicalLine(grant: Unsigned<AnySignedGrant>): string {
  const { v, a, al, pf, ch, r, exp } = grant;
  if (grant.v === 1) return JSON.stringify([v, a, al, pf, ch, grant.m, r, exp]);
  if (grant.v === EXCLUSION_VERSION) return JSON.stringify([v, a, al, pf, ch, r, exp, grant.k, grant.x]);
  return JSON.stringify([v, a, al, pf, ch, r, exp]);
}

/** HMAC-SHA256 over a canonical line that binds every field. */
export function createActionSigner(options: CreateActionSignerOptions): ActionSigner {
  const ttlMs = options.ttlMs ?? DEFAULT_GRANT_TTL_MS;
  const mac = (grant: Unsigned<AnySignedGrant>): string =>
    createHmac('sha256', options.key).update(canonicalLine(grant)).digest('base64url');

  return {
    sign(grant) {
      const base = {
        a: grant.action,
        al: grant.alertUuid,
        pf: grant.platform,
        ch: grant.channel,
        r: grant.ruleId,
        exp: Math.floor((options.clock.now() + ttlMs) / 1_000),
      };
      const { exclusion } = grant;
      const unsigned: Unsigned<SignedGrant> =
        exclusion === undefined
          ? { v: CURRENT_VERSION, ...base }
          : { v: EXCLUSION_VERSION, ...base, k: exclusion.key, x: exclusion.value };
      return { ...unsigned, s: mac(unsigned) } as SignedGrant;
    },
    verify(payload, origin) {
      const parsed = signedGrantSchema.safeParse(payload);
      if (!parsed.success) throw refuseAction('malformed');
      const { s, ...unsigned } = parsed.data;
      if (!timingSafeEqual(Buffer.from(s), Buffer.from(mac(unsigned)))) throw refuseAction('signature');
      if (unsigned.exp * 1_000 <= options.clock.now()) throw refuseAction('expired');
      const sameMessage = unsigned.v === 1 ? unsigned.m === origin.messageId : true;
      const sameOrigin = unsigned.pf === origin.platform && unsigned.ch === origin.channel && sameMessage;
      if (!sameOrigin) throw refuseAction('origin');
      const grant: ActionGrant = {
        action: unsigned.a,
        alertUuid: unsigned.al,
        platform: unsigned.pf,
        channel: unsigned.ch,
        messageId: origin.messageId,
        ruleId: unsigned.r,
        expiresAt: unsigned.exp * 1_000,
        ...(unsigned.v === EXCLUSION_VERSION ? { exclusion: { key: unsigned.k, value: unsigned.x } } : {}),
      };
      return { grant, cardUnchecked: unsigned.v !== 1 };
    },
  };
}
