/** WORD JOINER: invisible, no letter, so it splits what chat clients would read as one token. */
export const WORD_JOINER = '\u2060';

export interface JoinerRules {
  /** True where a joiner goes before the rune at `index`, e.g. to break an autolink's scheme. */
  before: (runes: readonly string[], index: number) => boolean;
  /** Runes a joiner goes after, e.g. `@` so that no mention can form. */
  after: ReadonlySet<string>;
}

/**
 * `text` with joiners where the rules say, and nothing else changed: for places a platform shows
 * as plain text, where a backslash escape would show.
 */
export function insertJoiners(text: string, rules: JoinerRules): string {
  const runes = Array.from(text);
  let out = '';
  for (const [index, rune] of runes.entries()) {
    if (rules.before(runes, index)) out += WORD_JOINER;
    out += rune;
    if (rules.after.has(rune)) out += WORD_JOINER;
  }
  return out;
}
