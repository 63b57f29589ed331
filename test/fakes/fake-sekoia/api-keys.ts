import { randomUUID } from 'node:crypto';

/** Permission names of reference §2 (the fake only checks the ones its routes need). */
export type FakePermission =
  | 'SIC_READ_ALERTS'
  | 'SIC_WRITE_ALERTS_WORKFLOW'
  | 'SIC_WRITE_ALERTS_COMMENTS'
  | 'SIC_WRITE_ALERTS'
  | 'SIC_READ_INTAKES'
  // The tutorial's name for rules catalog reads; the permissions page says SIC_READ_RULES (reference §2).
  | 'SIC_READ_CONF'
  | 'INTHREAT_READ_CONTENT_PROPOSALS'
  | 'INTHREAT_READ_OBJECTS'
  | 'ASSETMANAGEMENT_VIEW_ASSET';

/** The reference's minimum key for alert cards and buttons (§2). */
export const ALERT_BOT_PERMISSIONS: readonly FakePermission[] = [
  'SIC_READ_ALERTS',
  'SIC_WRITE_ALERTS_WORKFLOW',
  'SIC_WRITE_ALERTS_COMMENTS',
];

/** What the default key holds: the alert permissions plus the reads behind the other triggers. */
export const BOT_PERMISSIONS: readonly FakePermission[] = [
  ...ALERT_BOT_PERMISSIONS,
  'SIC_READ_INTAKES',
  'SIC_READ_CONF',
  'INTHREAT_READ_CONTENT_PROPOSALS',
  'INTHREAT_READ_OBJECTS',
  'ASSETMANAGEMENT_VIEW_ASSET',
];

export type FakeKeyState = 'valid' | 'expired' | 'revoked';

export interface FakeApiKeyInput {
  key: string;
  permissions?: readonly FakePermission[];
  /** Shows up as `apikey:<uuid>` in comment authors and history. */
  uuid?: string;
  state?: FakeKeyState;
  /** What `GET /v1/me` says of the key's owner (a person's key); default the bot key's profile. */
  name?: string;
  email?: string;
}

export interface FakeApiKey {
  key: string;
  uuid: string;
  permissions: Set<FakePermission>;
  state: FakeKeyState;
  name: string;
  email: string | null;
}

export type AuthOutcome =
  | { ok: true; key: FakeApiKey }
  | { ok: false; body: { message: string; code: string } };

// Reference §11: T300 invalid, T301 expired, T302 revoked, all with HTTP 401.
const REFUSALS: Readonly<
  Record<Exclude<FakeKeyState, 'valid'> | 'invalid', { message: string; code: string }>
> = {
  invalid: { message: 'The token is invalid', code: 'T300' },
  expired: { message: 'The token has expired', code: 'T301' },
  revoked: { message: 'The token has been revoked', code: 'T302' },
};

export interface ApiKeyRing {
  add(input: FakeApiKeyInput): FakeApiKey;
  get(key: string): FakeApiKey | undefined;
  authenticate(authorization: string | undefined): AuthOutcome;
}

export function createApiKeyRing(): ApiKeyRing {
  const keys = new Map<string, FakeApiKey>();
  return {
    add(input) {
      const key: FakeApiKey = {
        key: input.key,
        uuid: input.uuid ?? randomUUID(),
        permissions: new Set(input.permissions ?? BOT_PERMISSIONS),
        state: input.state ?? 'valid',
        name: input.name ?? 'Fake Sekoia.io API key',
        email: input.email ?? null,
      };
      keys.set(key.key, key);
      return key;
    },
    get: (key) => keys.get(key),
    authenticate(authorization) {
      const match = /^Bearer (.+)$/.exec(authorization ?? '');
      const key = match?.[1] === undefined ? undefined : keys.get(match[1]);
      if (key === undefined) return { ok: false, body: REFUSALS.invalid };
      if (key.state !== 'valid') return { ok: false, body: REFUSALS[key.state] };
      return { ok: true, key };
    },
  };
}
