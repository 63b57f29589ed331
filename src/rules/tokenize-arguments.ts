import { usageError } from './usage-error.ts';

/** A run of characters of one token, quoted or not (commas split values only outside quotes). */
export interface Segment {
  text: string;
  quoted: boolean;
}

export interface ArgumentToken {
  /** The token as typed, quotes included. */
  raw: string;
  segments: Segment[];
}

/**
 * Opening quote → the characters that close it. Chat clients (Teams, phones, macOS) turn straight
 * quotes into typographic ones, so those are accepted too.
 */
const CLOSERS: ReadonlyMap<string, string> = new Map([
  ['"', '"'],
  ["'", "'"],
  ['“', '”“"'],
  ['„', '“”"'],
  ['‘', '’‘'],
]);

/**
 * A quote opens only at the start of a token or right after an operator or a comma, so that an
 * apostrophe inside a word (`name~O'Brien`) is just a character.
 */
const OPENS_AFTER = new Set(['=', '~', '<', '>', '!', ',']);

const isSpace = (ch: string) => /\s/.test(ch);

/** Splits the arguments on white space outside quotes. Inside quotes, `\` escapes a quote or `\`. */
export function tokenizeArguments(text: string): ArgumentToken[] {
  const tokens: ArgumentToken[] = [];
  let i = 0;
  while (i < text.length) {
    if (isSpace(text.charAt(i))) {
      i++;
      continue;
    }
    const end = readToken(text, i, tokens);
    i = end;
  }
  return tokens;
}

function readToken(text: string, start: number, tokens: ArgumentToken[]): number {
  const segments: Segment[] = [];
  let plain = '';
  let i = start;
  while (i < text.length && !isSpace(text.charAt(i))) {
    const ch = text.charAt(i);
    const closer = CLOSERS.get(ch);
    if (closer !== undefined && (i === start || OPENS_AFTER.has(text.charAt(i - 1)))) {
      if (plain !== '') segments.push({ text: plain, quoted: false });
      plain = '';
      const quotedPart = readQuoted(text, i, closer, start);
      segments.push({ text: quotedPart.text, quoted: true });
      i = quotedPart.end;
      continue;
    }
    plain += ch;
    i++;
  }
  if (plain !== '') segments.push({ text: plain, quoted: false });
  tokens.push({ raw: text.slice(start, i), segments });
  return i;
}

function readQuoted(text: string, open: number, closer: string, tokenStart: number) {
  let value = '';
  let i = open + 1;
  while (i < text.length) {
    const ch = text.charAt(i);
    const next = text.charAt(i + 1);
    if (ch === '\\' && (next === '\\' || closer.includes(next))) {
      value += next;
      i += 2;
      continue;
    }
    if (closer.includes(ch)) return { text: value, end: i + 1 };
    value += ch;
    i++;
  }
  const typed = text.slice(tokenStart).trimEnd();
  const close = closer.charAt(0);
  throw usageError(`unterminated quote in ${typed} — add the closing ${close}`, { token: typed });
}
