import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../clock.ts';
import { BotError } from '../errors.ts';
import { platformIdSchema } from '../rules/platform-id.ts';
import type { ActionGrant, ClickOrigin } from './action-grant.ts';
import { CARD_ACTION_KEYS } from './action-table.ts';

/** Buttons stay valid this long after the card was last rendered (every update re-signs them). */
export const DEFAULT_GRANT_TTL_MS = 30 * 24 * 3_600_000;

const VERSION = 1;

/** The signed payload as it travels: short keys, because it rides on every button of every card. */
const signedGrantSchema = z.strictObject({
  v: z.literal(VERSION),
  a: z.enum(CARD_ACTION_KEYS),
  al: z.string().min(1).max(64),
  pf: platformIdSchema,
  ch: z.string().min(1).max(512),
  m: z.string().min(1).max(512),
  r: z.string().max(32),
  exp: z.number().int().positive(),
  s: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});

export type SignedGrant = z.infer<typeof signedGrantSchema>;

export interface ActionSigner {
  sign(grant: Omit<ActionGrant, 'expiresAt'>): SignedGrant;
  /**
   * The grant, once the signature, the expiry and the origin all check out; otherwise a BotError
   * `action_forbidden` that says nothing about which check failed.
   */
  verify(payload: unknown, origin: ClickOrigin): ActionGrant;
}

export interface CreateActionSignerOptions {
  key: string;
  clock: Clock;
  ttlMs?: number;
}

/** HMAC-SHA256 over a canonical line that binds every field (version first, so formats can change). */
export function createActionSigner(options: CreateActionSignerOptions): ActionSigner {
  const ttlMs = options.ttlMs ?? DEFAULT_GRANT_TTL_MS;
  const mac = (grant: Omit<SignedGrant, 's'>): string =>
    createHmac('sha256', options.key)
      .update(JSON.stringify([grant.v, grant.a, grant.al, grant.pf, grant.ch, grant.m, grant.r, grant.exp]))
      .digest('base64url');

  return {
    sign(grant) {
      const unsigned = {
        v: VERSION,
        a: grant.action,
        al: grant.alertUuid,
        pf: grant.platform,
        ch: grant.channel,
        m: grant.messageId,
        r: grant.ruleId,
        exp: Math.floor((options.clock.now() + ttlMs) / 1_000),
      } as const;
      return { ...unsigned, s: mac(unsigned) };
    },
    verify(payload, origin) {
      const parsed = signedGrantSchema.safeParse(payload);
      if (!parsed.success) throw forbidden('malformed');
      const { s, ...unsigned } = parsed.data;
      if (!timingSafeEqual(Buffer.from(s), Buffer.from(mac(unsigned)))) throw forbidden('signature');
      if (unsigned.exp * 1_000 <= options.clock.now()) throw forbidden('expired');
      const sameOrigin =
        unsigned.pf === origin.platform && unsigned.ch === origin.channel && unsigned.m === origin.messageId;
      if (!sameOrigin) throw forbidden('origin');
      return {
        action: unsigned.a,
        alertUuid: unsigned.al,
        platform: unsigned.pf,
        channel: unsigned.ch,
        messageId: unsigned.m,
        ruleId: unsigned.r,
        expiresAt: unsigned.exp * 1_000,
      };
    },
  };
}

/** The reason goes to the log (details), never to the clicker. */
function forbidden(reason: string): BotError {
  return new BotError('action_forbidden', {
    message: 'this button is not valid here (altered, expired or copied from another card)',
    details: { reason },
    retryable: false,
  });
}
