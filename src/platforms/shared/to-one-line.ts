/**
 * The text on one line: whitespace runs collapsed to one space, none at either end, and control and
 * bidi-override characters dropped (they hide or reorder what people read). It reads no more than
 * it needs for `limit` runes and one more, so that a later truncate to `limit` still marks the cut.
 */
export function toOneLine(text: string, limit: number = Number.POSITIVE_INFINITY): string {
  const kept: string[] = [];
  let runes = 0;
  let space = false;
  for (const rune of text) {
    if (/^\s$/u.test(rune)) space = kept.length > 0;
    else if (!isHidden(rune.codePointAt(0) ?? 0)) {
      if (space) {
        kept.push(' ');
        runes += 1;
      }
      space = false;
      // Lone surrogates that a dropped character kept apart pair up into one rune in the output.
      if (!pairsUp(kept[kept.length - 1], rune)) runes += 1;
      kept.push(rune);
      if (runes > limit) break;
    }
  }
  return kept.join('');
}

function isHidden(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0xfeff
  );
}

/** A lone high surrogate, then a lone low one. */
function pairsUp(last: string | undefined, rune: string): boolean {
  if (last?.length !== 1 || rune.length !== 1) return false;
  const high = last.charCodeAt(0);
  const low = rune.charCodeAt(0);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}
