import type { WriteInline } from '../delivery/write-inline.ts';
import type { Exclusion } from '../rules/edit-exclusion.ts';

const MAX_NAME_RUNES = 80;
const KEY_WORDS: Readonly<Record<Exclusion['key'], string>> = { entity: 'entity', rule: 'detection rule' };

/** `entity Lyon HQ`, `detection rule Brute force`: the excluded fact in words, escaped by the platform. */
export function exclusionWords(exclusion: Exclusion, write: WriteInline): string {
  return `${KEY_WORDS[exclusion.key]} ${write(exclusion.value, MAX_NAME_RUNES)}`;
}

/** What the channel reads when an exclusion is made or undone from a card. */
export function exclusionSentence(
  news: { by: string; ruleId: string; exclusion: Exclusion; undone: boolean },
  write: WriteInline,
): string {
  const who = write(news.by, MAX_NAME_RUNES);
  const what = exclusionWords(news.exclusion, write);
  const rule = write(news.ruleId, 40);
  return news.undone
    ? `${who} undid the exclusion of ${what} from rule ${rule}: its alerts are posted here again`
    : `${who} excluded ${what} from rule ${rule}: its alerts are no longer posted here by this rule`;
}

/** The note under the card: "Excluded entity Lyon HQ from rule r7k2 by alice". */
export function exclusionNote(
  news: { by: string; ruleId: string; exclusion: Exclusion },
  write: WriteInline,
) {
  const what = exclusionWords(news.exclusion, write);
  return `Excluded ${what} from rule ${write(news.ruleId, 40)} by ${write(news.by, MAX_NAME_RUNES)}`;
}
