import type { Exclusion } from '../rules/edit-exclusion.ts';
import type { PlatformId } from '../rules/platform-id.ts';
import type { CardActionKey } from './action-table.ts';

/**
 * What a card button allows: one action on one alert, from one card (platform, channel, message),
 * until a time. The platform carries it signed (Mattermost `context`, Teams `Action.Execute` data).
 */
export interface ActionGrant {
  action: CardActionKey;
  alertUuid: string;
  platform: PlatformId;
  /** Channel id (globally unique on both platforms; team ids differ between commands and clicks in DMs). */
  channel: string;
  /** The card's post / activity id (signed in version 1; checked against the stored card since version 2). */
  messageId: string;
  /** The channel's rule the card was posted for (Mute acts on it). */
  ruleId: string;
  /** Epoch ms after which the button is refused. */
  expiresAt: number;
  /** What an Exclude or Undo button adds to or removes from the rule: signed, never from the client. */
  exclusion?: Exclusion;
}

/** What a button is signed for: no message id, so that a card's buttons exist before its post does. */
export type GrantToSign = Omit<ActionGrant, 'expiresAt' | 'messageId'>;

/** Where a click came from, as the platform (not the payload) says. */
export interface ClickOrigin {
  platform: PlatformId;
  channel: string;
  messageId: string;
}
