import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createIdentityCipher } from '../../src/identity/identity-cipher.ts';
import { parseIdentityKey } from '../../src/identity/parse-identity-key.ts';

const OWNER = 'mattermost/u1';

describe('identity cipher (AES-256-GCM, the owner as associated data)', () => {
  const key = randomBytes(32);
  const cipher = createIdentityCipher(key);

  it('opens what it sealed, with a fresh IV each time and no plaintext in the record', () => {
    const first = cipher.seal('the-secret-key', OWNER);
    const second = cipher.seal('the-secret-key', OWNER);
    expect(first).not.toBe(second);
    expect(first).not.toContain('the-secret-key');
    expect(first).toMatch(/^v1\.[\w-]{16}\.[\w-]+\.[\w-]{22}$/);
    expect(cipher.open(first, OWNER)).toBe('the-secret-key');
  });

  it('does not open a record moved to another user', () => {
    const sealed = cipher.seal('the-secret-key', OWNER);
    expect(cipher.open(sealed, 'mattermost/u2')).toBeUndefined();
    expect(cipher.open(sealed, 'teams/u1')).toBeUndefined();
  });

  it('does not open an altered record', () => {
    const sealed = cipher.seal('the-secret-key', OWNER);
    const [version, iv, body = '', tag] = sealed.split('.');
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(cipher.open([version, iv, flipped.toString('base64url'), tag].join('.'), OWNER)).toBeUndefined();
    expect(cipher.open(`${sealed.slice(0, -2)}AA`, OWNER)).toBeUndefined();
    expect(cipher.open('v2.a.b.c', OWNER)).toBeUndefined();
    expect(cipher.open('garbage', OWNER)).toBeUndefined();
  });

  it('does not open a record sealed with another key (the key was rotated)', () => {
    const sealed = createIdentityCipher(randomBytes(32)).seal('the-secret-key', OWNER);
    expect(cipher.open(sealed, OWNER)).toBeUndefined();
  });
});

describe('parseIdentityKey', () => {
  const bytes = randomBytes(32);

  it('takes 32 bytes as base64, base64url or hex', () => {
    expect(parseIdentityKey(bytes.toString('base64'))).toEqual(bytes);
    expect(parseIdentityKey(bytes.toString('base64url'))).toEqual(bytes);
    expect(parseIdentityKey(bytes.toString('hex').toUpperCase())).toEqual(bytes);
  });

  it('refuses anything that is not 32 bytes', () => {
    expect(parseIdentityKey(randomBytes(16).toString('base64'))).toBeUndefined();
    expect(parseIdentityKey(randomBytes(33).toString('hex'))).toBeUndefined();
    expect(parseIdentityKey('a passphrase is not a key, even a long one!!')).toBeUndefined();
    expect(parseIdentityKey('')).toBeUndefined();
  });
});
