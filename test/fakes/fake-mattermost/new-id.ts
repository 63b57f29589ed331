import { randomBytes } from 'node:crypto';

// Mattermost ids are 26 characters of this base32 alphabet (model.NewId).
const ALPHABET = 'ybndrfg8ejkmcpqxot1uwisza345h769';

export function newId(): string {
  return Array.from(randomBytes(26), (byte) => ALPHABET[byte & 31]).join('');
}
