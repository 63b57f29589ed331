import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Constant-time check of a presented secret. Both sides are hashed first so that neither the
 * content nor the length of the secret leaks through timing; the expected digest is computed once.
 */
export function createSecretVerifier(expected: string): (presented: string) => boolean {
  const want = digest(expected);
  return (presented) => timingSafeEqual(digest(presented), want);
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
