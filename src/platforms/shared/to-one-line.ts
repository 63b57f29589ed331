/**
 * The text on one line: whitespace runs collapsed to one space, none at either end, and control and
 * bidi-override characters dropped (they hide or reorder what people read). It reads no more than
 * it needs for `limit` runes and one more, so a megabyte of alert text costs no more than a line,
 * and a later truncate to `limit` still marks the cut.
 */
export function toOneLine(text: string, limit: number = Number.POSITIVE_INFINITY): string {
  const kept: string[] = [];
  let space = false;
  for (const rune of text) {
    if (/^\s$/u.test(rune)) space = kept.length > 0;
    else if (!isHidden(rune.codePointAt(0) ?? 0)) {
      if (space) kept.push(' ');
      space = false;
      kept.push(rune);
      if (kept.length > limit) break;
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
