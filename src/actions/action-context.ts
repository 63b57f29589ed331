import type { MemberRoles } from '../access/member-roles.ts';
import type { Exclusion } from '../rules/edit-exclusion.ts';
import type { ActionGrant, GrantToSign } from './action-grant.ts';
import type { ActingUser, ActionOutcome, UrgencyNote } from './action-outcome.ts';

/** Something a button did that the whole channel should see; each platform words it its own way. */
export type ActionNews =
  | { kind: 'rule-muted'; by: string; ruleId: string }
  /** An exclusion made from a card: the platform draws `undo` as a signed Undo button. */
  | { kind: 'exclusion-added'; by: string; ruleId: string; exclusion: Exclusion; undo: GrantToSign }
  | { kind: 'exclusion-undone'; by: string; ruleId: string; exclusion: Exclusion };

/** An exclusion noted under the card it was made from. */
export interface ExclusionNote {
  kind: 'exclusion';
  by: string;
  ruleId: string;
  exclusion: Exclusion;
}

/** A note under the card, in its thread: who wrote what (plain text, escaped by the platform). */
export interface ThreadNote {
  by: string;
  text: string;
}

/**
 * One click on one card button, platform-neutral (as `CommandContext` is for a command). The
 * platform decodes its request into it — the verified grant, the user it vouches for, the text the
 * user typed — and provides the ways back to the chat; the answer to the click itself is what
 * `ActionRunner.run` returns, which the platform encodes (message, refreshed card).
 */
export interface ActionContext {
  grant: ActionGrant;
  user: ActingUser;
  /** The clicker's roles in the card's channel, as the platform says (cached there). */
  readRoles(): Promise<MemberRoles>;
  /** The clicker's group names, where the platform has named groups (the `groups` access level). */
  readGroups?: (() => Promise<readonly string[]>) | undefined;
  /** What the user wrote, for a button that takes text (`needsText`). */
  text?: string;
  /** A form's fields by name, as the platform received them (unchecked: the action validates them). */
  fields?: Readonly<Record<string, unknown>>;
  /** Posts to the card's channel, for everyone. */
  announce(news: ActionNews): Promise<void>;
  /** Posts in the card's thread. */
  noteInThread(note: ThreadNote | UrgencyNote | ExclusionNote): Promise<void>;
  /** Tells the clicker how an action ended that outlived the answer to the click. */
  tellLater(outcome: ActionOutcome): Promise<void>;
}
