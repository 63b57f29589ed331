import type { CardStore } from '../delivery/card-store.ts';
import type { ActionGrant, ClickOrigin } from './action-grant.ts';
import { ACTION_TABLE } from './action-table.ts';
import type { ActionSigner } from './create-action-signer.ts';
import { refuseAction } from './refuse-action.ts';

export interface ClickVerifier {
  /**
   * The grant of a click, once its signature checks out and it comes from the card it was made for:
   * a version 1 grant names the card's message itself; a version 2 grant does not, so the click's
   * message must be the stored card of that alert in that channel. Otherwise the BotError
   * `action_forbidden` of any other refusal: a copied or replayed click changes nothing.
   */
  verify(payload: unknown, origin: ClickOrigin): Promise<ActionGrant>;
}

/** Both platforms' clicks (and Mattermost's dialog submissions) are checked here, the same way. */
export function createClickVerifier(options: {
  signer: ActionSigner;
  cards: Pick<CardStore, 'get'>;
}): ClickVerifier {
  return {
    async verify(payload, origin) {
      const { grant, cardUnchecked } = options.signer.verify(payload, origin);
      // An Undo sits on the announcement, not the card: its grant still binds platform and channel.
      if (!cardUnchecked || ACTION_TABLE[grant.action].offCard === true) return grant;
      const card = await options.cards.get(grant.alertUuid, origin);
      // A card still being posted (messageId null) matches no click.
      if (card === undefined || card.messageId !== origin.messageId) throw refuseAction('card');
      return grant;
    },
  };
}
