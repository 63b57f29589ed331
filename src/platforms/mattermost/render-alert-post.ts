import type { CardActionKey } from '../../actions/action-table.ts';
import { cardButton } from '../../actions/card-buttons.ts';
import type { AlertCard } from '../../delivery/alert-card.ts';
import { type AlertFactKey, alertCardFacts, type FreeTextBounds } from '../../delivery/alert-card-facts.ts';
import { activitySentence, alertSummary } from '../../delivery/card-sentences.ts';
import type { UrgencyLevel } from '../../normalize/notification.ts';
import { escapeInline, INLINE_MAX, markdownLink, plainText, safeHttpUrl } from './escape-markdown.ts';

/** Bumped when the props layout changes, so an old card can be told apart. */
export const CARD_VERSION = 1;
export const MAX_TITLE_RUNES = 250;

export const URGENCY_COLORS: Readonly<Record<UrgencyLevel | 'unknown', string>> = {
  high: '#D24B4E',
  medium: '#F5A623',
  low: '#3B7DDD',
  unknown: '#8E8E8E',
};

export interface MattermostField {
  title: string;
  value: string;
  short: boolean;
}

/** Our own type: @mattermost/types' PostAction lacks `integration` (reference §4.1). */
export interface MattermostAction {
  /** Letters and digits only, or the click 404s (reference §4.1). */
  id: string;
  type: 'button';
  name: string;
  style: 'default' | 'primary' | 'success' | 'danger';
  integration: { url: string; context: Record<string, unknown> };
}

export interface MattermostAttachment {
  fallback: string;
  color: string;
  title: string;
  title_link?: string;
  text: string;
  fields: MattermostField[];
  footer: string;
  actions: MattermostAction[];
}

// A type alias, not an interface: Client4 wants props assignable to Record<string, unknown>.
export type MattermostCardProps = {
  sekoia_alert_uuid: string;
  sekoia_card: number;
  attachments: [MattermostAttachment];
};

export interface MattermostPostBody {
  message: string;
  props: MattermostCardProps;
}

export interface RenderAlertPostInput {
  card: AlertCard;
  actionUrl: string;
  actions: readonly { key: CardActionKey; context: Record<string, unknown> }[];
}

/** Assets and the matched rule take a whole row, after the short fields that pair up side by side. */
const LONG_FACTS: ReadonlySet<AlertFactKey> = new Set(['assets', 'matchedRule']);
const FREE_TEXT_BOUNDS: FreeTextBounds = {
  status: INLINE_MAX,
  entity: INLINE_MAX,
  rule: INLINE_MAX,
  type: INLINE_MAX,
};

/**
 * An alert card as a bot post with one message attachment (reference §3.3). Every alert string is
 * escaped and bounded, so a hostile alert still fits the 300 kB request limit (reference §3.2).
 * Legacy attachments have no link button: "Open in Sekoia.io" is the title link and a text link.
 */
export function renderAlertPost(input: RenderAlertPostInput): MattermostPostBody {
  const { card } = input;
  const link = safeHttpUrl(card.link);
  const shortId = card.shortId === undefined ? '' : `${escapeInline(card.shortId, 40)} · `;
  const attachment: MattermostAttachment = {
    fallback: alertSummary(card, plainText),
    color: URGENCY_COLORS[card.urgencyLevel ?? 'unknown'],
    title: `${shortId}${escapeInline(card.title, MAX_TITLE_RUNES)}`,
    ...(link === undefined ? {} : { title_link: link }),
    text: text(card),
    fields: fields(card),
    footer: `Sekoia.io · rule ${plainText(card.matchedRule.id, 40)}`,
    actions: buttons(input),
  };
  return {
    // The rule's own `--notify` names (checked against MENTION_NAME when stored): the one part of a
    // card that pings. Alert text stays in the attachment, escaped.
    // A mention by id belongs to a platform that names people by id: it has no `@name` here.
    message: card.mentions
      .filter((mention) => mention.id === undefined)
      .map((mention) => `@${mention.name}`)
      .join(' '),
    props: { sekoia_alert_uuid: card.alertUuid, sekoia_card: CARD_VERSION, attachments: [attachment] },
  };
}

function text(card: AlertCard): string {
  const lines: string[] = [];
  if (!card.enriched)
    lines.push('_Details could not be read from Sekoia.io yet; this card will be completed._');
  const activity = card.lastActivity;
  if (activity !== undefined) lines.push(activitySentence(activity, escapeInline));
  if (safeHttpUrl(card.link) !== undefined) lines.push(markdownLink('Open in Sekoia.io', card.link));
  return lines.join('\n');
}

function fields(card: AlertCard): MattermostField[] {
  return alertCardFacts(card, { write: escapeInline, bounds: FREE_TEXT_BOUNDS })
    .map(({ key, title, value }) => ({ title, value, short: !LONG_FACTS.has(key) }))
    .sort((a, b) => Number(b.short) - Number(a.short));
}

function buttons(input: RenderAlertPostInput): MattermostAction[] {
  const seenIds = new Set<string>();
  return input.actions.flatMap(({ key, context }) => {
    const { id, label, style } = cardButton(key);
    // Mattermost routes a click to the first action with the id: a repeated one could never fire.
    if (seenIds.has(id)) return [];
    seenIds.add(id);
    return [
      { id, name: label, style, type: 'button' as const, integration: { url: input.actionUrl, context } },
    ];
  });
}
