import type { AlertCard } from '../../delivery/alert-card.ts';
import { alertCardFacts, type FreeTextBounds, formatUrgency } from '../../delivery/alert-card-facts.ts';
import { activitySentence, alertSummary } from '../../delivery/card-sentences.ts';
import type { UrgencyLevel } from '../../normalize/notification.ts';
import type { AdaptiveCard, CardElement, ContainerStyle, Fact, TextBlock } from './adaptive-card.ts';
import { escapeInline, plainText } from './escape-teams-markdown.ts';
import { type CardButtonInput, renderCardActions } from './render-card-actions.ts';
import { renderMentions } from './render-mentions.ts';

export const MAX_TITLE_RUNES = 250;
/** Budget for the serialized card: the bot message limit counts UTF-16, ~2 bytes a char (reference §5.4). */
export const MAX_CARD_CHARS = 40_000;

export const URGENCY_STYLES: Readonly<Record<UrgencyLevel | 'unknown', ContainerStyle>> = {
  high: 'attention',
  medium: 'warning',
  low: 'accent',
  unknown: 'emphasis',
};

export interface RenderAlertCardInput {
  card: AlertCard;
  /** Buttons in display order; `data` comes back in the invoke's `value.action.data`. */
  actions: readonly CardButtonInput[];
}

const FREE_TEXT_BOUNDS: FreeTextBounds = { status: 60, entity: 200, rule: 200, type: 200 };

/**
 * An alert as an Adaptive Card 1.5 with Universal Actions (reference §4.2, §5.5). Every alert string
 * is escaped and bounded, so a hostile alert still fits MAX_CARD_CHARS. No action carries `style`:
 * Teams ignores it (reference §5.1).
 */
export function renderAlertCard(input: RenderAlertCardInput): AdaptiveCard {
  const { card } = input;
  // The rule's `--notify` names: the one part of a card that pings (render-mentions.ts). Every
  // render of the card carries the same (fixed on the card's record), and Teams notifies only
  // when a message is posted, not when it is edited.
  const mentions = renderMentions(card.mentions);
  const ping: CardElement[] =
    mentions.text === '' ? [] : [{ type: 'TextBlock', text: mentions.text, wrap: true }];
  const body: CardElement[] = [
    header(card),
    ...ping,
    { type: 'FactSet', facts: facts(card) },
    ...notes(card),
  ];
  const composed = composeCard(alertSummary(card, plainText), body);
  const msteams =
    mentions.entities.length === 0 ? composed.msteams : { ...composed.msteams, entities: mentions.entities };
  return { ...composed, msteams, actions: renderCardActions(input.card.link, input.actions) };
}

/** The card frame every Teams card shares (reply and error cards too): version, width, no actions. */
export function composeCard(fallbackText: string, body: CardElement[]): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText,
    msteams: { width: 'Full' },
    body,
    actions: [],
  };
}

function header(card: AlertCard): CardElement {
  const shortId = card.shortId === undefined ? '' : `${escapeInline(card.shortId, 40)} · `;
  const title = `${shortId}${escapeInline(card.title, MAX_TITLE_RUNES)}`;
  return {
    type: 'Container',
    style: URGENCY_STYLES[card.urgencyLevel ?? 'unknown'],
    bleed: true,
    items: [
      { type: 'TextBlock', text: title, weight: 'Bolder', size: 'Medium', wrap: true },
      {
        type: 'TextBlock',
        text: `Urgency ${formatUrgency(card) ?? 'unknown'}`,
        isSubtle: true,
        spacing: 'None',
        wrap: true,
      },
    ],
  };
}

/** The header already says the urgency, under the title: the facts do not say it again. */
function facts(card: AlertCard): Fact[] {
  const all = alertCardFacts(card, { write: escapeInline, bounds: FREE_TEXT_BOUNDS });
  return all.filter(({ key }) => key !== 'urgency').map(({ title, value }) => ({ title, value }));
}

function notes(card: AlertCard): TextBlock[] {
  const blocks: TextBlock[] = [];
  if (!card.enriched) {
    const text = '_Details could not be read from Sekoia.io yet; this card will be completed._';
    blocks.push({ type: 'TextBlock', text, isSubtle: true, wrap: true });
  }
  const activity = card.lastActivity;
  if (activity !== undefined) {
    blocks.push({ type: 'TextBlock', text: activitySentence(activity, escapeInline), wrap: true });
  }
  return blocks;
}
