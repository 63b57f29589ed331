import type { PlatformGroups } from '../access/group-directory.ts';
import type { MemberRoles } from '../access/member-roles.ts';
import type { Logger } from '../log.ts';
import type { PlatformId } from '../rules/platform-id.ts';
import type { ResolveMention } from '../rules/read-notify-option.ts';
import type { ChannelRef, UserRef } from '../rules/rule.ts';

/**
 * A platform-neutral answer. Every string is plain text — user input included — and each platform
 * escapes it for its own markup; the structure (list, command lines) is carried by the fields.
 */
export interface Reply {
  kind: 'info' | 'success' | 'error';
  /** The first line. */
  text: string;
  /** Shown as a bulleted list. */
  lines?: string[];
  /** Command lines (usage, examples), shown as code. */
  code?: string[];
  /** A small bar chart after the first line (counts per day): each platform draws its own bars. */
  chart?: ChartBar[];
}

/** One bar of a Reply's chart: a short label and a count (0 or more). */
export interface ChartBar {
  label: string;
  value: number;
}

/** Where the platform asked the user for their API key, out of the channel's sight; or why it could not. */
export type KeyPrompt = { ok: true; where: string } | { ok: false; why: string };

/** One command typed by one person in one channel. */
export interface CommandContext {
  platform: PlatformId;
  channel: ChannelRef;
  user: UserRef;
  log: Logger;
  /** The user's roles in the channel, as the platform says (cached there). */
  readRoles(): Promise<MemberRoles>;
  /**
   * The platform's named user groups (`access groups`, and who is in them), or why it has none: there
   * `access groups` is refused rather than stored and never satisfied.
   */
  groups: PlatformGroups;
  /**
   * Whether the platform's cards can ping the names a rule's `--notify` gives (`@oncall`); where
   * they cannot yet, `subscribe … --notify` is refused rather than stored and silently ignored.
   */
  notifiesByName: boolean;
  /**
   * Where the platform mentions people by id: what each `--notify` item of this command names (the
   * mentions that came with the message), refusing a name typed as plain text. Absent where the
   * names themselves ping (`@oncall`).
   */
  resolveMention?: ResolveMention | undefined;
  /**
   * Asks the user privately for their Sekoia.io API key (a dialog, a personal chat), for `link`;
   * absent where the platform has no private way.
   */
  promptForApiKey?(): Promise<KeyPrompt>;
  /** Answers only the person who typed the command (ephemeral where the platform allows it). */
  reply(message: Reply): Promise<void>;
  /** Posts to the whole channel: rule changes are visible to all. */
  announce(message: Reply): Promise<void>;
}
