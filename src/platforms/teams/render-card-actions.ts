import type { CardActionKey } from '../../actions/action-table.ts';
import { cardButton } from '../../actions/card-buttons.ts';
import type { CardAction, ExecuteAction, InputText } from './adaptive-card.ts';
import { safeHttpUrl } from './escape-teams-markdown.ts';
import { renderUrgencyForm } from './render-urgency-form.ts';

/** Teams shows at most 6 actions (reference §5.1). */
export const TEAMS_MAX_ACTIONS = 6;
export const COMMENT_MAX_LENGTH = 2_000;

/** One button of an alert card; `data` comes back in the invoke's `value.action.data`. */
export interface CardButtonInput {
  key: CardActionKey;
  data: Record<string, unknown>;
}

/** The verb of a button in the `adaptiveCard/action` invoke (reference §4.2). */
export function actionVerb(key: CardActionKey): string {
  return `alert.${key}`;
}

/** Ids are unique across inputs and actions: a button that takes text leaves its id to its input. */
function titled(key: CardActionKey): { id: string; title: string } {
  const { id, label, needsText } = cardButton(key);
  return { id: needsText ? `add${id[0]?.toUpperCase()}${id.slice(1)}` : id, title: label };
}

/**
 * One button per given key (first wins), then "Open in Sekoia.io". Teams shows at most 6 actions
 * (reference §5.1) and its support for `mode: "secondary"` is unconfirmed (§12), so the buttons that
 * do not fit, then the secondary ones, go in order under a last "More…" button that opens them below the card.
 */
export function renderCardActions(cardLink: string, given: readonly CardButtonInput[]): CardAction[] {
  const link = safeHttpUrl(cardLink);
  const room = TEAMS_MAX_ACTIONS - (link === undefined ? 0 : 1);
  const seenKeys = new Set<CardActionKey>();
  const buttons: CardAction[] = [];
  const secondary: CardAction[] = [];
  for (const { key, data } of given) {
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
