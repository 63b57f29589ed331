import type { AlertCard } from '../delivery/alert-card.ts';
import type { Exclusion } from '../rules/edit-exclusion.ts';
import { ACTION_TABLE, CARD_ACTION_KEYS, type CardActionKey } from './action-table.ts';
import type { ButtonLook } from './card-action.ts';

export interface CardButton extends ButtonLook {
  kind: CardActionKey;
  /** Asks for text before it runs (a dialog, an input under the card). */
  needsText: boolean;
  /** Under Teams' "More…" whatever the room. */
  secondary: boolean;
  /** What an Exclude button excludes: signed into its grant. */
  exclusion?: Exclusion;
}

/** A name longer than a condition's value may be (canonical-value.ts) gets no Exclude button. */
const EXCLUSION_VALUE_MAX = 200;

/** How the button of `kind` looks, wherever it is drawn. */
export function cardButton(kind: CardActionKey): CardButton {
  const { button, needsText, secondary } = ACTION_TABLE[kind];
  return { kind, ...button, needsText, secondary: secondary === true };
}

/**
 * The buttons of a card, in order, computed once for every platform: the workflow transitions its
 * alert's status allows, then every button that is not a transition (Comment, Mute, Why this card?),
 * and an Exclude button for each fact the card has.
 */
export function cardButtons(card: Pick<AlertCard, 'workflowActions' | 'entity' | 'rule'>): CardButton[] {
  const others = CARD_ACTION_KEYS.filter(
    (kind) => !ACTION_TABLE[kind].changesStatus && ACTION_TABLE[kind].offCard !== true,
  );
  return [...card.workflowActions, ...others].flatMap((kind) => {
    const key = ACTION_TABLE[kind].excludes;
    if (key === undefined) return [cardButton(kind)];
    const value = card[key];
    if (value === undefined || value === '' || value.length > EXCLUSION_VALUE_MAX) return [];
    return [{ ...cardButton(kind), exclusion: { key, value } }];
  });
}
