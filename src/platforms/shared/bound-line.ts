import { cutInput } from './cut-input.ts';
import { toOneLine } from './to-one-line.ts';
import { truncate } from './truncate.ts';

/**
 * `text` on one line (toOneLine) in at most `max` runes, the last an ellipsis when cut, reading a
 * bounded head of it only (cutInput). The same as `truncate(toOneLine(text), max)` whenever that head
 * holds more than `max` runes once collapsed, or all of `text`; a longer text that collapses to less
 * within the head (thousands of spaces or control characters in a row) is cut where the head ends.
 */
export function boundLine(text: string, max: number): string {
  const { head, cut } = cutInput(text, max);
  return truncate(toOneLine(head, max), max, cut);
}
