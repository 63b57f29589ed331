import type { CardActionKey } from '../../actions/action-table.ts';
import { cardButton } from '../../actions/card-buttons.ts';
import type { AlertCard } from '../../delivery/alert-card.ts';
import { alertCardFacts, type FreeTextBounds, formatUrgency } from '../../delivery/alert-card-facts.ts';
import { activitySentence, alertSummary } from '../../delivery/card-sentences.ts';
import type { UrgencyLevel } from '../../normalize/notification.ts';
import type {
  AdaptiveCard,
  CardAction,
  CardElement,
  ContainerStyle,
  ExecuteAction,
  Fact,
  InputText,
  TextBlock,
} from './adaptive-card.ts';
import { escapeInline, plainText, safeHttpUrl } from './escape-teams-markdown.ts';
import { renderMentions } from './render-mentions.ts';
import { renderUrgencyForm } from './render-urgency-form.ts';

export const MAX_TITLE_RUNES = 250;
/** Teams shows at most 6 actions (reference §5.1). */
export const TEAMS_MAX_ACTIONS = 6;
/** Budget for the serialized card: the bot message limit counts UTF-16, ~2 bytes a char (reference §5.4). */
export const MAX_CARD_CHARS = 40_000;
export const COMMENT_MAX_LENGTH = 2_000;

export const URGENCY_STYLES: Readonly<Record<UrgencyLevel | 'unknown', ContainerStyle>> = {
  high: 'attention',
  medium: 'warning',
  low: 'accent',
  unknown: 'emphasis',
};

/** The verb of a button in the `adaptiveCard/action` invoke (reference §4.2). */
export function actionVerb(key: CardActionKey): string {
  return `alert.${key}`;
}

export interface RenderAlertCardInput {
  card: AlertCard;
  /** Buttons in display order; `data` comes back in the invoke's `value.action.data`. */
  actions: readonly { key: CardActionKey; data: Record<string, unknown> }[];
}

const FREE_TEXT_BOUNDS: FreeTextBounds = { status: 60, entity: 200, rule: 200, type: 200 };

/** Ids are unique across inputs and actions: a button that takes text leaves its id to its input. */
function titled(key: CardActionKey): { id: string; title: string } {
  const { id, label, needsText } = cardButton(key);
  return { id: needsText ? `add${id[0]?.toUpperCase()}${id.slice(1)}` : id, title: label };
}

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
  return { ...composed, msteams, actions: actions(input) };
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

/**
 * One button per given key (first wins), then "Open in Sekoia.io". Teams shows at most 6 actions
 * (reference §5.1) and its support for `mode: "secondary"` is unconfirmed (§12), so the buttons that
 * do not fit, then the secondary ones, go in order under a last "More…" button that opens them below the card.
 */
function actions(input: RenderAlertCardInput): CardAction[] {
  const link = safeHttpUrl(input.card.link);
  const room = TEAMS_MAX_ACTIONS - (link === undefined ? 0 : 1);
  const seenKeys = new Set<CardActionKey>();
  const buttons: CardAction[] = [];
  const secondary: CardAction[] = [];
  for (const { key, data } of input.actions) {
    if (seenKeys.has(key)) continue;
    seenKeys.add(key);
    (cardButton(key).secondary ? secondary : buttons).push(button(key, data));
  }
  // Secondary buttons (Why this card?, the exclusions) always wait under "More…", after any overflow.
  const primaryRoom = secondary.length === 0 ? room : room - 1;
  const shown =
    buttons.length <= primaryRoom && secondary.length === 0
      ? buttons
      : buttons.length <= primaryRoom
        ? [...buttons, more(secondary)]
        : [...buttons.slice(0, room - 1), more([...buttons.slice(room - 1), ...secondary])];
  if (link !== undefined)
    shown.push({ type: 'Action.OpenUrl', id: 'open', title: 'Open in Sekoia.io', url: link });
  return shown;
}

function button(key: CardActionKey, data: Record<string, unknown>): CardAction {
  if (!cardButton(key).needsText) return execute(key, data);
  if (key === 'urgency') return renderUrgencyForm(titled(key), { verb: actionVerb(key), data });
  return commentAction(key, data);
}

function more(overflow: CardAction[]): CardAction {
  return {
    type: 'Action.ShowCard',
    id: 'more',
    title: 'More…',
    card: { type: 'AdaptiveCard', body: [], actions: overflow },
  };
}

function execute(key: CardActionKey, data: Record<string, unknown>): ExecuteAction {
  return { type: 'Action.Execute', ...titled(key), verb: actionVerb(key), data };
}

/** Comment opens a text input under the card; Send carries it as `data.comment` (reference §4.2). */
function commentAction(key: CardActionKey, data: Record<string, unknown>): CardAction {
  const input: InputText = {
    type: 'Input.Text',
    id: cardButton(key).id,
    label: 'Comment',
    placeholder: 'Added to the alert in Sekoia.io, with your name',
    isMultiline: true,
    maxLength: COMMENT_MAX_LENGTH,
    isRequired: true,
    errorMessage: 'Write a comment first.',
  };
  const send: ExecuteAction = {
    type: 'Action.Execute',
    id: 'sendComment',
    title: 'Send',
    verb: actionVerb(key),
    data,
  };
  return {
    type: 'Action.ShowCard',
    ...titled(key),
    card: { type: 'AdaptiveCard', body: [input], actions: [send] },
  };
}
