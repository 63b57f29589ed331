import type { PlatformNames } from '../delivery/platform-names.ts';
import type { ActingUser } from './action-outcome.ts';

/**
 * Sekoia.io refuses a longer comment `author` with 400 (automation library,
 * `Sekoia.io/action_post_a_comment_on_an_alert.json`: `author` maxLength 32). JSON Schema and the
 * Python API count code points; counting UTF-16 units, never fewer, keeps within either.
 */
export const SEKOIA_AUTHOR_MAX = 32;

/** Teams display names stop at 256 characters; anything longer is not a name. */
const SIGNATURE_NAME_MAX = 256;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Control and bidi-override characters would hide or reorder the name; whitespace runs become one space. */
function cleanName(name: string): string {
  return name
    .replace(/[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** At most `max` UTF-16 units, cut between graphemes (never inside a surrogate pair or an emoji), "…" marking the cut. */
export function cutToUnits(text: string, max: number): string {
  if (text.length <= max) return text;
  let kept = '';
  for (const { segment } of graphemes.segment(text)) {
    if (kept.length + segment.length > max - 1) break;
    kept += segment;
  }
  return `${kept.trimEnd()}…`;
}

export interface CommentAuthor {
  /** Within SEKOIA_AUTHOR_MAX: "Microsoft Teams: Ana Analyst", or shortened ("Teams: Anastasia Konstantin…"). */
  author: string;
  /** Set when `author` had to be shortened: the platform and full name, for the comment's text. */
  signature: string | undefined;
}

/**
 * Who a comment is from, as Sekoia.io shows it: a linked user's own Sekoia.io name (the comment is
 * theirs, made with their key), otherwise the platform and the chat user's name.
 */
export function buildCommentAuthor(user: ActingUser, platforms: PlatformNames): CommentAuthor {
  const linked = cleanName(user.linkedAs ?? '');
  if (linked !== '') {
    if (linked.length <= SEKOIA_AUTHOR_MAX) return { author: linked, signature: undefined };
    return {
      author: cutToUnits(linked, SEKOIA_AUTHOR_MAX),
      signature: cutToUnits(linked, SIGNATURE_NAME_MAX),
    };
  }
  const name = cleanName(user.name) || user.id;
  const platform = platforms.displayName(user.platform);
  const full = `${platform}: ${name}`;
  if (full.length <= SEKOIA_AUTHOR_MAX) return { author: full, signature: undefined };
  const tag = `${platforms.shortName(user.platform)}: `;
  return {
    author: `${tag}${cutToUnits(name, SEKOIA_AUTHOR_MAX - tag.length)}`,
    signature: `${platform}: ${cutToUnits(name, SIGNATURE_NAME_MAX)}`,
  };
}
