/**
 * At most `max` characters, with "…" when cut: for rule names and values that an action's answer
 * quotes (plain text; each platform escapes and bounds what it shows again).
 */
export function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
