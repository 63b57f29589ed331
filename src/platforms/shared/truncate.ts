/**
 * At most `max` runes (code points, as Mattermost and Teams count them), the last one an ellipsis
 * when cut here or, with `cut`, when the text is already the head of a longer one.
 */
export function truncate(text: string, max: number, cut = false): string {
  if (cut) return truncate(`${text}…`, max);
  const kept: string[] = [];
  let count = 0;
  for (const rune of text) {
    count += 1;
    if (count > max) return `${kept.slice(0, Math.max(0, max - 1)).join('')}…`;
    kept.push(rune);
  }
  return text;
}
