import type { Clock } from '../../../src/clock.ts';
import type {
  ChannelType,
  FakeCommand,
  FakeEphemeral,
  FakeGroup,
  FakePost,
  FakeTeam,
  FakeTeamPermission,
  FakeUser,
  OpenedDialog,
} from './fake-model.ts';
import type { ResponseUrls } from './response-urls.ts';
import type { TriggerIds } from './trigger-ids.ts';

export interface StoredChannel {
  id: string;
  name: string;
  teamId: string;
  type: ChannelType;
  createAt: number;
  /** user id → channel admin? */
  members: Map<string, boolean>;
}

/** Everything the fake knows; routes and drivers share it. */
export interface FakeContext {
  clock: Clock;
  /** The address the fake listens on, which the bot calls (`MATTERMOST_URL`). */
  url: string;
  /** `ServiceSettings.SiteURL` as configured (`''`: unset); `response_url` is built on it. */
  siteUrl: string;
  botUserId: string;
  botToken: string;
  triggerTimeoutMs: number;
  outgoingTimeoutMs: number;
  /** Refuse outgoing calls to loopback/private addresses, as the real server does by default (§4.6). */
  blockInternalTargets: boolean;
  users: Map<string, FakeUser>;
  teams: Map<string, FakeTeam>;
  channels: Map<string, StoredChannel>;
  /** Custom slash commands by id, in creation order (one `/sekoia` per team at start). */
  commands: Map<string, FakeCommand>;
  /** `ServiceSettings.EnableCommands` (custom slash commands); true by default. */
  enableCommands: boolean;
  /**
   * Team permissions the bot's roles give it beyond a plain team member's. Empty by default: the
   * default team_user role has no slash-command permission (server/channels/api4/command_test.go
   * grants manage_own_slash_commands to team_user before testing it). A system admin has them all.
   */
  botTeamPermissions: Set<FakeTeamPermission>;
  /** User groups by id, in creation order. */
  groups: Map<string, FakeGroup>;
  /**
   * Whether the server has a licence: without one every group route answers 501 `api.license_error`
   * (server/channels/api4/api.go requireLicense), as a free Team Edition server does.
   */
  licensed: boolean;
  /** In creation order. */
  posts: Map<string, FakePost>;
  ephemerals: FakeEphemeral[];
  dialogs: OpenedDialog[];
  triggers: TriggerIds;
  responseUrls: ResponseUrls;
}

export function isMember(context: FakeContext, channelId: string, userId: string): boolean {
  return context.channels.get(channelId)?.members.has(userId) ?? false;
}

/** `read_channel` for the bot: public channels of its teams (read_public_channel), others as a member. */
export function canRead(context: FakeContext, channel: StoredChannel): boolean {
  return (
    channel.members.has(context.botUserId) || (channel.type === 'O' && botViewsTeam(context, channel.teamId))
  );
}

/** A team permission of the bot: every one for a system admin (model/role.go), else as granted. */
export function botHasTeamPermission(context: FakeContext, permission: FakeTeamPermission): boolean {
  return (
    hasRole(context.users.get(context.botUserId), 'system_admin') ||
    context.botTeamPermissions.has(permission)
  );
}

/** view_team: a member of the team, or a system admin. */
export function botViewsTeam(context: FakeContext, teamId: string): boolean {
  const team = context.teams.get(teamId);
  if (team === undefined) return false;
  return team.botMember || hasRole(context.users.get(context.botUserId), 'system_admin');
}

export function hasRole(user: FakeUser | undefined, role: string): boolean {
  return user?.roles.split(' ').includes(role) ?? false;
}

export function teamName(context: FakeContext, teamId: string): string {
  return context.teams.get(teamId)?.name ?? '';
}
