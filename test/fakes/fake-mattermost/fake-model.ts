/** What the fake stores, in Mattermost's JSON shapes where the bot sees them (reference §6). */

export type ChannelType = 'O' | 'P' | 'D' | 'G';

export interface FakeUser {
  id: string;
  username: string;
  /** Space-separated, e.g. `system_user system_admin`. */
  roles: string;
  isBot: boolean;
}

export interface FakeTeam {
  id: string;
  /** The URL handle, sent as `team_domain`. */
  name: string;
  /** Team admins (team members with `scheme_admin`); every member of a channel of the team is a member. */
  admins: string[];
  /** Whether the bot is a member of the team (true unless a test removes it). */
  botMember: boolean;
}

/**
 * A custom slash command as stored (server/public/model/command.go `Command`): it belongs to one
 * team (reference §2.1); `token` is the 26-character id the server sends with every request.
 */
export interface FakeCommand {
  id: string;
  teamId: string;
  trigger: string;
  token: string;
  /** The Request URL. */
  url: string;
  /** `P` (POST) or `G` (GET). */
  method: 'P' | 'G';
  /** Who created it: `custom_only` lists show a user without manage_others_slash_commands only theirs. */
  creatorId: string;
  autoComplete: boolean;
  createAt: number;
}

/** Team-scoped permissions the fake models for the bot (server/public/model/permission.go). */
export type FakeTeamPermission = 'manage_own_slash_commands' | 'manage_others_slash_commands';

export interface FakeChannel {
  id: string;
  name: string;
  /** Empty for DM/GM channels. */
  teamId: string;
  type: ChannelType;
  members: string[];
  /** Members with `scheme_admin` (channel admins). */
  admins: string[];
}

/**
 * A user group (server/public/model/group.go): `custom` (made in the app) or `ldap` (synced).
 * `name` is the mention name, null for an LDAP group never made mentionable.
 */
export interface FakeGroup {
  id: string;
  name: string | null;
  displayName: string;
  source: 'custom' | 'ldap';
  /** Mentionable; custom groups always are (createGroup refuses otherwise). */
  allowReference: boolean;
  members: string[];
  /** Epoch ms when archived (deleted), 0 while live. */
  deleteAt: number;
}

/** A post as stored, integration data intact. Field names are Mattermost's. */
export interface FakePost {
  id: string;
  create_at: number;
  update_at: number;
  edit_at: number;
  delete_at: number;
  is_pinned: boolean;
  user_id: string;
  channel_id: string;
  root_id: string;
  original_id: string;
  message: string;
  type: string;
  props: Record<string, unknown>;
  hashtags: string;
  file_ids: string[];
  pending_post_id: string;
  reply_count: number;
  metadata: Record<string, unknown>;
}

export type EphemeralSource = 'command' | 'response_url' | 'action' | 'rest';

/** A message only one user saw (never stored by Mattermost, recorded here for tests). */
export interface FakeEphemeral {
  userId: string;
  channelId: string;
  rootId: string;
  text: string;
  attachments?: unknown[];
  source: EphemeralSource;
}

/** A dialog opened with `POST /actions/dialogs/open`, as the user's client received it (§5.1). */
export interface OpenedDialog {
  id: string;
  triggerId: string;
  url: string;
  dialog: Record<string, unknown>;
  /** The user the trigger was issued to. */
  userId: string;
  /** Where the interaction that issued the trigger happened; the client sends these on submit. */
  channelId: string;
  teamId: string;
  openedAt: number;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
