/**
 * Untrusted text (alert content, user input) made inert in the markdown subset Teams renders in a
 * TextBlock, a Fact and a message (bold, italic, lists, links; reference §5.2).
 *
 * Why each measure:
 * - Emphasis, code and link punctuation (`\ * _ [ ] \` ~`) is always backslash-escaped; list,
 *   heading and quote markers (`- + # >`, a digit run then `.`) only at the start of a line, where
 *   they mean something; `(` right after `]` too, because the Adaptive Cards markdown parser of the
 *   mobile renderers ignores a backslash before `[`/`]` and would still read `](` as a link. Fewer backslashes matter: mobile clients have shown them literally
 *   (MicrosoftDocs/msteams-docs#5793), and `WS-114` must not read `WS\-114` there.
 * - `<` and `&` get a WORD JOINER (U+2060, invisible) after them instead: Teams renders no HTML,
 *   but `<at>…</at>` is its mention markup and `&lt;` an entity, and a joiner breaks both whatever
 *   the client does with backslashes (mobile clients have shown them, MicrosoftDocs/msteams-docs#5793).
 * - Mentions in cards need `msteams.entities`, so `@all` cannot ping; it still gets a joiner so
 *   that the text can never become one, nor an e-mail autolink.
 * - Autolinks need the scheme right before `:` or a `www.` prefix: a joiner before a `:` that sits
 *   between a letter or digit and a non-space, and between `www` and `.`, break them.
 * - Control and bidi-override characters are dropped (they hide or reorder what people read);
 *   lengths are bounded in runes before escaping, so an escape is never cut in half, and only a
 *   bounded head of the input is read (cutInput), so a huge field costs what it shows.
 */
import { boundLine } from '../shared/bound-line.ts';
import { cutInput } from '../shared/cut-input.ts';
import { insertJoiners, WORD_JOINER } from '../shared/insert-joiners.ts';
import { sanitizeHttpUrl } from '../shared/sanitize-http-url.ts';
import { splitLines } from '../shared/split-lines.ts';
import { isWordRune, startsScheme } from '../shared/starts-scheme.ts';
import { toOneLine } from '../shared/to-one-line.ts';
import { truncate } from '../shared/truncate.ts';

export { truncate };

const WJ = WORD_JOINER;
const ESCAPED = new Set(Array.from('\\*_[]`~'));
const LINE_START = new Set(Array.from('#>-+'));
/** Followed by a joiner in plain text: mentions, `<at>` tags, entities and `](` links. */
const PLAIN_JOINED = new Set(['@', '<', '&', ']']);
/** Default bounds, in runes of the source text. */
export const INLINE_MAX = 500;
export const BLOCK_MAX = 4000;

/** For one-line places: titles, fact values, names, list items. */
export function escapeInline(text: string, max: number = INLINE_MAX): string {
  return escapeRunes(boundLine(text, max));
}

/**
 * For several lines: each non-empty line becomes a paragraph (`\n\n`, as a single line break is
 * not one outside lists in Teams, reference §5.2), without leading indentation.
 */
export function escapeBlock(text: string, max: number = BLOCK_MAX): string {
  const { head, cut } = cutInput(text, max);
  const lines: string[] = [];
  let runes = -2;
  for (const raw of splitLines(head)) {
    const line = toOneLine(raw, max);
    if (line === '') continue;
    lines.push(line);
    // Enough once the joined text is longer than `max`, so that truncate marks the cut.
    runes += Array.from(line).length + 2;
    if (runes > max) break;
  }
  return escapeRunes(truncate(lines.join('\n\n'), max, cut));
}

/**
 * For places shown as plain text (`fallbackText`, notifications): backslashes would show, so only
 * invisible joiners are used, breaking mentions, schemes, tags and entities for any client that
 * renders them anyway.
 */
export function plainText(text: string, max: number = INLINE_MAX): string {
  return insertJoiners(boundLine(text, max), { before: startsLink, after: PLAIN_JOINED });
}

/** An http(s) URL fit for `Action.OpenUrl` or a markdown link destination, or undefined. */
export function safeHttpUrl(url: string): string | undefined {
  // `)` or a space would end a markdown destination early.
  return sanitizeHttpUrl(url, '()<>');
}

function escapeRunes(text: string): string {
  const runes = Array.from(text);
  let out = '';
  let lineStart = true;
  let leadingDigits = true;
  for (const [index, rune] of runes.entries()) {
    if (lineStart) leadingDigits = true;
    if (startsLink(runes, index)) out += WJ;
    const marker = (lineStart && LINE_START.has(rune)) || (rune === '(' && runes[index - 1] === ']');
    if (
      ESCAPED.has(rune) ||
      marker ||
      (rune === '.' && leadingDigits && !lineStart && endsWord(runes[index + 1]))
    )
      out += '\\';
    out += rune;
    if (rune === '@' || rune === '<' || rune === '&') out += WJ;
    leadingDigits = leadingDigits && /^[0-9]$/.test(rune);
    lineStart = rune === '\n';
  }
  return out;
}

/** A scheme's `:` (`http://`, `tel:1`, not "Status: x"), or the `.` of a `www.` prefix. */
function startsLink(runes: readonly string[], index: number): boolean {
  if (runes[index] !== '.') return startsScheme(runes, index);
  const before = runes.slice(Math.max(0, index - 3), index).join('');
  return before.toLowerCase() === 'www' && !isWordRune(runes[index - 4]);
}

/** The end of a list marker: a space, a line break or the end of the text. */
function endsWord(rune: string | undefined): boolean {
  return rune === undefined || rune === ' ' || rune === '\n';
}
