import type { AccessLevel, AccessNeed } from './access-level.ts';
import type { RefusalReason } from './decide-access.ts';
import { mentionGroups } from './group-directory.ts';

/** Where the refused interaction came from: a card button or a command. */
export type RefusedFrom = 'click' | 'command';

export interface AccessRefusal {
  reason: RefusalReason;
  need: AccessNeed;
  level: AccessLevel;
  /** The channel's named groups, at level `groups`. */
  groups?: readonly string[] | undefined;
}

/** What is refused, in the words of each sentence. */
const WORDS: Readonly<Record<RefusedFrom, { act: string; here: string }>> = {
  click: { act: 'act on alerts', here: 'act on its alerts' },
  command: { act: "change this channel's rules and settings", here: 'change its rules and settings' },
};

const LOOKUP_FAILED =
  'Could not check your role in this channel just now (is the bot a member of it?); nothing was changed. Try again in a moment.';

/** `Only members of @secops, @soc-leads and channel admins may act here` (the level `groups`). */
function onlyGroups(refusal: AccessRefusal, from: RefusedFrom): string {
  const who = `members of ${mentionGroups(refusal.groups ?? [])} and channel admins`;
  return from === 'click' ? `Only ${who} may act here` : `Only ${who} can ${WORDS.command.act}`;
}

/** What the refused user is told (plain text): why, never more than the policy itself. */
export function describeAccessRefusal(refusal: AccessRefusal, from: RefusedFrom): string {
  const words = WORDS[from];
  switch (refusal.reason) {
    case 'guest':
      return from === 'click' ? 'Guests cannot act on alerts.' : `Guests cannot ${words.act}.`;
    case 'not-member':
      return `Only members of this channel can ${words.here}.`;
    case 'lookup-failed':
    case 'groups-unknown':
      return LOOKUP_FAILED;
    case 'admins-unknown':
      return 'Access cannot be changed here yet: the bot cannot tell who the channel admins are on this platform, so access stays everyone (every member of the channel; guests never act).';
    case 'not-in-group':
      return `${onlyGroups(refusal, from)} (access: groups).`;
    case 'groups-unavailable':
      return `${onlyGroups(refusal, from)}, and the bot cannot read who is in a group on this server (user groups are unavailable there); nothing was changed. A channel admin can still act, or change access.`;
    case 'not-admin':
      if (refusal.need === 'govern') return 'Only channel admins can change who may act in this channel.';
      return from === 'click'
        ? `Only channel admins can act on alerts in this channel (access: ${refusal.level}).`
        : `Only channel admins can ${words.act} (access: ${refusal.level}).`;
  }
}
