import type { AlertCard } from '../delivery/alert-card.ts';
import { ACTION_TABLE, CARD_ACTION_KEYS, type CardActionKey } from './action-table.ts';
import type { ButtonLook } from './card-action.ts';

export interface CardButton extends ButtonLook {
  kind: CardActionKey;
  /** Asks for text before it runs (a dialog, an input under the card). */
  needsText: boolean;
}

/** How the button of `kind` looks, wherever it is drawn. */
export function cardButton(kind: CardActionKey): CardButton {
  const { button, needsText } = ACTION_TABLE[kind];
  return { kind, ...button, needsText };
}

/**
 * The buttons of a card, in order, computed once for every platform: the workflow transitions its
 * alert's status allows, then every button that is not a transition (Comment, Mute).
 */
export function cardButtons(card: Pick<AlertCard, 'workflowActions'>): CardButton[] {
  const others = CARD_ACTION_KEYS.filter((kind) => !ACTION_TABLE[kind].changesStatus);
  return [...card.workflowActions, ...others].map(cardButton);
}
