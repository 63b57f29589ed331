import type { UrgencyLevel } from '../normalize/notification.ts';
import type { Mention } from './rule.ts';
import { quoted, usageError } from './usage-error.ts';

/** Mattermost's username (and group name) charset, without the `@`. */
export const MENTION_NAME = /^[a-z0-9._-]{1,64}$/;
export const MAX_MENTIONS = 10;
const URGENCY_LEVELS: readonly UrgencyLevel[] = ['low', 'medium', 'high'];

/**
 * `@oncall,@sre` → the mentions. `@here` and `@channel` are allowed on purpose (a rule may want
 * the whole channel woken); `@all` is refused: it also pings members who muted the channel.
 */
export function readMentions(value: string, option = '--notify'): Mention[] {
  const names: string[] = [];
  for (const word of value.split(',')) {
    const typed = word.trim();
    const name = typed.startsWith('@') ? typed.slice(1).toLowerCase() : '';
    if (!MENTION_NAME.test(name)) {
      throw usageError(
        `${option} takes @names (letters, digits, ".", "-", "_"), e.g. ${option} @oncall,@sre — not ${quoted(typed)}`,
      );
    }
    if (name === 'all') throw usageError(`${option} @all is refused — use @channel or name who to ping`);
    if (!names.includes(name)) names.push(name);
  }
  if (names.length > MAX_MENTIONS) throw usageError(`${option} takes at most ${MAX_MENTIONS} names`);
  return names.map((name) => ({ name }));
}

/** `--notify-urgency high` → the level from which a new card pings. */
export function readNotifyUrgency(value: string): UrgencyLevel {
  const level = URGENCY_LEVELS.find((candidate) => candidate === value.toLowerCase());
  if (level === undefined) {
    throw usageError(`--notify-urgency takes ${URGENCY_LEVELS.join(', ')} — not ${quoted(value)}`);
  }
  return level;
}
