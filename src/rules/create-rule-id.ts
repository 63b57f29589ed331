import { BotError } from '../errors.ts';

/** Lower-case letters and digits without the look-alikes 0/o, 1/l/i. */
export const RULE_ID_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const LETTERS = 'abcdefghjkmnpqrstuvwxyz';
const MIN_LENGTH = 4;
const MAX_LENGTH = 12;
const ATTEMPTS_PER_LENGTH = 8;

export interface CreateRuleIdOptions {
  /** Uniform in [0, 1); inject a seeded one in tests. */
  random: () => number;
  /** Whether a rule with this id exists already (the store answers). */
  exists: (id: string) => boolean | Promise<boolean>;
}

/**
 * A short id like `r7k2`: a letter first (so it never reads as a number or a duration), then
 * letters and digits. Four characters give ~700,000 ids; after eight collisions in a row the length
 * grows by one, so a crowded space costs a few tries, never a failure.
 */
export async function createRuleId(options: CreateRuleIdOptions): Promise<string> {
  for (let length = MIN_LENGTH; length <= MAX_LENGTH; length++) {
    for (let attempt = 0; attempt < ATTEMPTS_PER_LENGTH; attempt++) {
      const id = randomId(length, options.random);
      if (!(await options.exists(id))) return id;
    }
  }
  throw new BotError('rule_id_unavailable', { message: 'no free rule id found' });
}

function randomId(length: number, random: () => number): string {
  let id = pick(LETTERS, random);
  while (id.length < length) id += pick(RULE_ID_ALPHABET, random);
  return id;
}

function pick(alphabet: string, random: () => number): string {
  const index = Math.min(alphabet.length - 1, Math.floor(random() * alphabet.length));
  return alphabet.charAt(index);
}

const RULE_ID = new RegExp(`^[${LETTERS}][${RULE_ID_ALPHABET}]{${MIN_LENGTH - 1},${MAX_LENGTH - 1}}$`);

/** What the user typed → the id as stored (`R7K2` → `r7k2`), or undefined when it cannot be one. */
export function normalizeRuleId(text: string): string | undefined {
  const id = text.trim().toLowerCase();
  return RULE_ID.test(id) ? id : undefined;
}
