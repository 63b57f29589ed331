/**
 * Untrusted text (alert content, user input) made inert in Mattermost markdown (reference §3).
 *
 * Why each measure:
 * - Markdown punctuation is backslash-escaped (CommonMark): no emphasis, code, heading, quote,
 *   list, table, link, image, HTML or strikethrough can start, and escaped `<`, `>`, `&` show
 *   literally, so `<!channel>` (Slack compatibility) and entities stay text.
 * - A backslash does not stop a notification: the server finds mentions in the raw text, splitting
 *   words on anything but letters, digits and `.-_:@` (so `\@all` still pings). A WORD JOINER
 *   (U+2060, invisible, not a letter) after `@` splits `@` from the name, and after `~` and `#` it
 *   breaks channel links and hashtags the same way.
 * - Autolinks need the scheme right before `:` (`http:`, `mailto:`, `tel:`) or a `www.` prefix: a
 *   WORD JOINER before a `:` that sits between a letter or digit and a non-space, and the escaped
 *   `.`, break them; "Status: x" is left as typed.
 * - Control and bidi-override characters are dropped (they hide or reorder what people read);
 *   lengths are bounded in runes before escaping, so an escape is never cut in half, and only a
 *   bounded head of the input is read (cutInput), so a huge field costs what it shows.
 */
import { boundLine } from '../shared/bound-line.ts';
import { cutInput } from '../shared/cut-input.ts';
import { insertJoiners, WORD_JOINER } from '../shared/insert-joiners.ts';
import { sanitizeHttpUrl } from '../shared/sanitize-http-url.ts';
import { splitLines } from '../shared/split-lines.ts';
import { startsScheme } from '../shared/starts-scheme.ts';
import { toOneLine } from '../shared/to-one-line.ts';
import { truncate } from '../shared/truncate.ts';

export { truncate };

const WJ = WORD_JOINER;
/** Markdown punctuation (CommonMark backslash-escapable), plus `$` for inline LaTeX. */
const ESCAPED = new Set(Array.from('\\`*_{}[]()#+-.!|<>~&$='));
/** Followed by a joiner in plain text: mentions, channel links, `](` links and `<tag>`s. */
const PLAIN_JOINED = new Set(['@', '~', ']', '<']);
/** Default bounds, in runes of the source text. */
export const INLINE_MAX = 500;
export const BLOCK_MAX = 4000;

/** One line, markdown-inert, without a length bound. */
export function escapeMarkdown(text: string): string {
  return escapeRunes(toOneLine(text));
}

/** For one-line places: field values, titles, names. */
export function escapeInline(text: string, max: number = INLINE_MAX): string {
  return escapeRunes(boundLine(text, max));
}

/** For several lines: line breaks kept (at most one blank line), no leading indentation (code). */
export function escapeBlock(text: string, max: number = BLOCK_MAX): string {
  const { head, cut } = cutInput(text, max);
  let joined = '';
  let runes = 0;
  let blank = false;
  for (const raw of splitLines(head)) {
    const line = toOneLine(raw, max);
    if (line === '') {
      blank = joined !== '';
      continue;
    }
    const separator = joined === '' ? '' : blank ? '\n\n' : '\n';
    joined += separator + line;
    blank = false;
    // Enough once the text is longer than `max`, so that truncate marks the cut.
    runes += separator.length + Array.from(line).length;
    if (runes > max) break;
  }
  return escapeRunes(truncate(joined, max, cut));
}

/**
 * For places Mattermost shows as plain text (`fallback`, `footer`): backslashes would show, so only
 * invisible joiners are used, breaking mentions, schemes, `](` links and `<tag>`s for any client
 * that renders them anyway.
 */
export function plainText(text: string, max: number = INLINE_MAX): string {
  return insertJoiners(boundLine(text, max), { before: startsScheme, after: PLAIN_JOINED });
}

/**
 * One line of a ``` fenced code block, shown verbatim because people copy it. A joiner inside every
 * run of three backticks keeps any line from closing the fence (a longer fence would have to grow
 * with the input); `@` gets one too, as the server looks for mentions in code it fails to recognise.
 */
export function escapeCodeLine(text: string, max: number = INLINE_MAX): string {
  return boundLine(text, max)
    .replace(/`{3,}/g, (run) => run.split('').join(WJ))
    .replaceAll('@', `@${WJ}`);
}

/** An http(s) URL fit for `title_link` or a markdown link, or undefined. */
export function safeHttpUrl(url: string): string | undefined {
  // `)` or a space would end a markdown destination early; `@` in a path is read as a mention.
  return sanitizeHttpUrl(url, '()@<>');
}

/** `[label](url)`, or the label alone when the URL is not http(s). */
export function markdownLink(label: string, url: string): string {
  const href = safeHttpUrl(url);
  return href === undefined ? escapeInline(label) : `[${escapeInline(label)}](${href})`;
}

function escapeRunes(text: string): string {
  const runes = Array.from(text);
  let out = '';
  for (const [index, rune] of runes.entries()) {
    if (startsScheme(runes, index)) out += WJ;
    if (ESCAPED.has(rune)) out += '\\';
    out += rune;
    if (rune === '@' || rune === '~' || rune === '#') out += WJ;
  }
  return out;
}
