/**
 * UTF-16 units of input read per rune a bounded field can show. The room covers what collapsing
 * drops before the cut (whitespace runs, blank lines, control characters) and astral characters
 * (two units each): real text holds several runes per eight units, so only input that is mostly
 * whitespace or control characters runs out of window before the field is full.
 */
export const UNITS_PER_RUNE = 8;

/**
 * The part of `text` worth reading for a field of at most `max` runes, and whether the rest was
 * left unread: escaping then costs what the field holds, not what the sender wrote (a megabyte of
 * alert title costs no more than a line). A surrogate pair is never split.
 */
export function cutInput(text: string, max: number): { head: string; cut: boolean } {
  const window = UNITS_PER_RUNE * (max + 1);
  if (!(text.length > window)) return { head: text, cut: false };
  const end = isHigh(text.charCodeAt(window - 1)) && isLow(text.charCodeAt(window)) ? window - 1 : window;
  return { head: text.slice(0, end), cut: true };
}

function isHigh(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLow(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
