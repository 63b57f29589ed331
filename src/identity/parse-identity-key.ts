/** AES-256 takes 32 bytes. */
export const IDENTITY_KEY_BYTES = 32;

const HEX = /^[0-9a-f]{64}$/i;
const BASE64 = /^[A-Za-z0-9+/_-]{43}={0,1}$/;

/**
 * `IDENTITY_ENCRYPTION_KEY`: 32 random bytes written as 64 hex digits or base64 / base64url
 * (`openssl rand -base64 32`, `openssl rand -hex 32`); undefined for anything else.
 */
export function parseIdentityKey(text: string): Buffer | undefined {
  const trimmed = text.trim();
  if (HEX.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (!BASE64.test(trimmed)) return undefined;
  const bytes = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return bytes.length === IDENTITY_KEY_BYTES ? bytes : undefined;
}
