/**
 * A `:` between a letter or digit and a non-space, as in `http://` or `tel:1` (not "Status: x"):
 * where chat clients start an autolink, so escapers put an invisible joiner before it.
 */
export function startsScheme(runes: readonly string[], index: number): boolean {
  const next = runes[index + 1];
  return runes[index] === ':' && isWordRune(runes[index - 1]) && next !== undefined && next !== ' ';
}

/** A letter or a digit, in any script. */
export function isWordRune(rune: string | undefined): boolean {
  return rune !== undefined && /^[\p{L}\p{N}]$/u.test(rune);
}
