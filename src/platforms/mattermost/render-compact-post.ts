import type { CompactCard } from '../../delivery/compact-card.ts';
import type { CompactTrigger } from '../../normalize/notification.ts';
import { escapeBlock, escapeInline, plainText, safeHttpUrl } from './escape-markdown.ts';
import type { MattermostAttachment, MattermostField } from './render-alert-post.ts';

/** Bumped when the props layout of a compact post changes. */
export const COMPACT_CARD_VERSION = 1;
export const MAX_COMPACT_TITLE_RUNES = 250;
export const MAX_BADGE_RUNES = 40;
export const MAX_FACTS = 10;
export const MAX_FACT_TITLE_RUNES = 60;
export const MAX_FACT_VALUE_RUNES = 300;
export const MAX_TEXT_RUNES = 2_000;
/** A field whose value is at most this long sits beside another one. */
export const SHORT_FIELD_RUNES = 40;
const MAX_LABEL_RUNES = 80;

export const TONE_COLORS: Readonly<Record<CompactCard['tone'], string>> = {
  danger: '#D24B4E',
  warning: '#F5A623',
  good: '#2E9E5B',
  info: '#3B7DDD',
};

const TRIGGER_LABELS: Readonly<Record<CompactTrigger, string>> = {
  report: 'Report',
  'rule-added': 'Rule added',
  'intake-silent': 'Intake silent',
  'playbook-error': 'Playbook error',
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
    fallback: fallback(card),
    color: TONE_COLORS[card.tone],
    title: title(card),
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

function fallback(card: CompactCard): string {
  const badge = card.badge === undefined || isBlank(card.badge) ? '' : ` (${card.badge})`;
  return plainText(`${TRIGGER_LABELS[card.trigger]}: ${headline(card)}${badge}`, 280);
}

function title(card: CompactCard): string {
  const main = escapeInline(headline(card), MAX_COMPACT_TITLE_RUNES);
  const badge =
    card.badge === undefined || isBlank(card.badge) ? '' : escapeInline(card.badge, MAX_BADGE_RUNES);
  return badge === '' ? main : `${main} · ${badge}`;
}

/** The card's title, or the trigger's name when it has none. */
function headline(card: CompactCard): string {
  return isBlank(card.title) ? TRIGGER_LABELS[card.trigger] : card.title;
}

function text(card: CompactCard, link: string | undefined): string {
  const lines: string[] = [];
  const body = card.text === undefined ? '' : escapeBlock(card.text, MAX_TEXT_RUNES);
  if (body !== '') lines.push(body);
  if (link !== undefined) {
    const label = isBlank(card.linkLabel) ? 'Open in Sekoia.io' : card.linkLabel;
    lines.push(`[${escapeInline(label, MAX_LABEL_RUNES)}](${link})`);
  }
  return lines.join('\n');
}

function fields(card: CompactCard): MattermostField[] {
  return card.facts
    .filter((fact) => !isBlank(fact.value))
    .slice(0, MAX_FACTS)
    .map((fact) => ({
      title: escapeInline(fact.title, MAX_FACT_TITLE_RUNES),
      value: escapeInline(fact.value, MAX_FACT_VALUE_RUNES),
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

function isBlank(value: string): boolean {
  return value.trim() === '';
}
