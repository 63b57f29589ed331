import type { CompactCard } from '../../delivery/compact-card.ts';
import {
  compactLinkLabel,
  compactSummary,
  compactTitle,
  MAX_TEXT_RUNES,
  shownCompactFacts,
  writeCompactFact,
} from '../../delivery/compact-card-text.ts';
import type { CompactTrigger } from '../../triggers/trigger-table.ts';
import { escapeBlock, escapeInline, plainText, safeHttpUrl } from './escape-markdown.ts';
import type { MattermostAttachment, MattermostField } from './render-alert-post.ts';

/** Bumped when the props layout of a compact post changes. */
export const COMPACT_CARD_VERSION = 1;
/** A field whose value is at most this long sits beside another one. */
export const SHORT_FIELD_RUNES = 40;

export const TONE_COLORS: Readonly<Record<CompactCard['tone'], string>> = {
  danger: '#D24B4E',
  warning: '#F5A623',
  good: '#2E9E5B',
  info: '#3B7DDD',
};

/** A compact card has no buttons: its only link is the title's and the text's. */
export type MattermostCompactAttachment = Omit<MattermostAttachment, 'actions'>;

// A type alias, not an interface: Client4 wants props assignable to Record<string, unknown>.
export type MattermostCompactProps = {
  sekoia_trigger: CompactTrigger;
  sekoia_card: number;
  attachments: [MattermostCompactAttachment];
};

export interface MattermostCompactPostBody {
  message: '';
  props: MattermostCompactProps;
}

/**
 * A report, rule added, silent intake or playbook error as a bot post with one message attachment
 * (reference §3.3). Every string is escaped and bounded, like an alert card's.
 */
export function renderCompactPost(card: CompactCard): MattermostCompactPostBody {
  const link = safeHttpUrl(card.link ?? '');
  const attachment: MattermostCompactAttachment = {
    fallback: compactSummary(card, plainText),
    color: TONE_COLORS[card.tone],
    title: compactTitle(card, escapeInline),
    ...(link === undefined ? {} : { title_link: link }),
    text: text(card, link),
    fields: fields(card),
    footer: `Sekoia.io · rule ${plainText(card.matchedRule.id, 40)}`,
  };
  return {
    message: '',
    props: { sekoia_trigger: card.trigger, sekoia_card: COMPACT_CARD_VERSION, attachments: [attachment] },
  };
}

function text(card: CompactCard, link: string | undefined): string {
  const lines: string[] = [];
  const body = card.text === undefined ? '' : escapeBlock(card.text, MAX_TEXT_RUNES);
  if (body !== '') lines.push(body);
  if (link !== undefined) lines.push(`[${compactLinkLabel(card, escapeInline)}](${link})`);
  return lines.join('\n');
}

function fields(card: CompactCard): MattermostField[] {
  return shownCompactFacts(card).map((fact) => ({
    ...writeCompactFact(fact, escapeInline),
    short: runes(fact.value.trim(), SHORT_FIELD_RUNES + 1) <= SHORT_FIELD_RUNES,
  }));
}

/** Runes in `text`, counting no further than `limit`. */
function runes(text: string, limit: number): number {
  let count = 0;
  for (const _ of text) {
    count += 1;
    if (count >= limit) break;
  }
  return count;
}
