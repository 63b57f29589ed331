import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { IDENTITY_KEY_BYTES } from './parse-identity-key.ts';

export interface IdentityCipher {
  /** `v1.<iv>.<ciphertext>.<tag>` (base64url), bound to `associated` (whose record it is). */
  seal(plaintext: string, associated: string): string;
  /** The plaintext, or undefined when the record was altered, moved to another user or sealed with another key. */
  open(sealed: string, associated: string): string | undefined;
}

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM with a random 96-bit IV per record (NIST SP 800-38D §8.2.2: random IVs are fine far
 * below 2^32 records per key) and the owner as associated data, so a ciphertext copied onto
 * another user's record does not open.
 */
export function createIdentityCipher(key: Buffer): IdentityCipher {
  if (key.length !== IDENTITY_KEY_BYTES) throw new Error('an identity key is 32 bytes');
  return {
    seal(plaintext, associated) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(associated, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const parts = [iv, body, cipher.getAuthTag()].map((part) => part.toString('base64url'));
      return `v1.${parts.join('.')}`;
    },
    open(sealed, associated) {
      const [version, iv, body, tag] = sealed.split('.');
      if (version !== 'v1' || iv === undefined || body === undefined || tag === undefined) return undefined;
      const ivBytes = Buffer.from(iv, 'base64url');
      const tagBytes = Buffer.from(tag, 'base64url');
      if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) return undefined;
      try {
        const decipher = createDecipheriv(ALGORITHM, key, ivBytes, { authTagLength: TAG_BYTES });
        decipher.setAAD(Buffer.from(associated, 'utf8'));
        decipher.setAuthTag(tagBytes);
        const text = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]);
        return text.toString('utf8');
      } catch {
        // The tag does not match: altered, another user's record, or another key. Read as not linked.
        return undefined;
      }
    },
  };
}
