import type { UrgencyLevel } from '../normalize/notification.ts';
import type { Mention } from './rule.ts';
import { quoted, usageError } from './usage-error.ts';

/** Mattermost's username (and group name) charset, without the `@`. */
export const MENTION_NAME = /^[a-z0-9._-]{1,64}$/;
export const MAX_MENTIONS = 10;
/** Bounds of a mention by id: a display name is shown, an id only sent back (Teams ids are ~100 chars). */
export const MAX_MENTION_LABEL_LENGTH = 256;
export const MAX_MENTION_ID_LENGTH = 512;
const URGENCY_LEVELS: readonly UrgencyLevel[] = ['low', 'medium', 'high'];

/**
 * Where a platform mentions people by id, the word typed after `--notify` (one item of the list,
 * trimmed) → the person or tag it names; throws a usage error for a word that names nobody.
 */
export type ResolveMention = (typed: string) => Mention;

/**
 * `@oncall,@sre` → the mentions. `@here` and `@channel` are allowed on purpose (a rule may want
 * the whole channel woken); `@all` is refused: it also pings members who muted the channel. With
 * `resolve`, each item is what the platform says it names instead (a mention by id).
 */
export function readMentions(value: string, resolve?: ResolveMention, option = '--notify'): Mention[] {
  const mentions: Mention[] = [];
  for (const word of value.split(',')) {
    const typed = word.trim();
    const mention = resolve === undefined ? readName(typed, option) : resolve(typed);
    const key = mentionKey(mention);
    if (!mentions.some((known) => mentionKey(known) === key)) mentions.push(mention);
  }
  if (mentions.length > MAX_MENTIONS) throw usageError(`${option} takes at most ${MAX_MENTIONS} names`);
  return mentions;
}

/** The same person or tag: by id when there is one, else by name. */
const mentionKey = (mention: Mention) => (mention.id === undefined ? `@${mention.name}` : `#${mention.id}`);

function readName(typed: string, option: string): Mention {
  const name = typed.startsWith('@') ? typed.slice(1).toLowerCase() : '';
  if (!MENTION_NAME.test(name)) {
    throw usageError(
      `${option} takes @names (letters, digits, ".", "-", "_"), e.g. ${option} @oncall,@sre — not ${quoted(typed)}`,
    );
  }
  if (name === 'all') throw usageError(`${option} @all is refused — use @channel or name who to ping`);
  return { name };
}

/** `--notify-urgency high` → the level from which a new card pings. */
export function readNotifyUrgency(value: string): UrgencyLevel {
  const level = URGENCY_LEVELS.find((candidate) => candidate === value.toLowerCase());
  if (level === undefined) {
    throw usageError(`--notify-urgency takes ${URGENCY_LEVELS.join(', ')} — not ${quoted(value)}`);
  }
  return level;
}
