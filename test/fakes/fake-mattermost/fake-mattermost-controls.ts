import type { FakeContext, StoredChannel } from './fake-context.ts';
import type {
  ChannelType,
  FakeChannel,
  FakeEphemeral,
  FakePost,
  FakeUser,
  OpenedDialog,
} from './fake-model.ts';
import { mustFindChannel, mustFindTeam, mustFindUser } from './must-find.ts';
import { newId } from './new-id.ts';

export interface AddUserInput {
  id?: string;
  username: string;
  /** Default `system_user`; `system_guest` for a guest account, `system_user system_admin` for a system admin. */
  roles?: string;
}

export interface AddChannelInput {
  id?: string;
  name: string;
  /** Default: the first team for O/P channels, none for D/G. */
  teamId?: string;
  /** Default `O`. */
  type?: ChannelType;
  /** User ids; the bot is added too unless `botMember` is false. */
  members?: string[];
  /** Channel admins (members with `scheme_admin`). */
  admins?: string[];
  botMember?: boolean;
}

/** Test-side view and set-up of the fake's data. Everything handed out is a copy. */
export interface FakeMattermostControls {
  addUser(input: AddUserInput): FakeUser;
  addChannel(input: AddChannelInput): FakeChannel;
  addMember(channelId: string, userId: string, options?: { admin?: boolean }): void;
  removeMember(channelId: string, userId: string): void;
  /** Makes a user a team admin (`scheme_admin` on the team member), or no longer one. */
  setTeamAdmin(teamId: string, userId: string, admin?: boolean): void;
  /** Live stored posts, oldest first, integration data intact. */
  posts(channelId?: string): FakePost[];
  /** Any stored post, deleted ones included. */
  getPost(id: string): FakePost | undefined;
  /** Live replies to a root post, oldest first. */
  thread(rootId: string): FakePost[];
  ephemerals(userId?: string): FakeEphemeral[];
  dialogs(): OpenedDialog[];
  /** Refuse calls to loopback/private addresses like a default server (off by default). */
  setBlockInternalTargets(block: boolean): void;
}

function toFakeChannel(channel: StoredChannel): FakeChannel {
  const { id, name, teamId, type } = channel;
  const members = [...channel.members.keys()];
  return { id, name, teamId, type, members, admins: members.filter((userId) => channel.members.get(userId)) };
}

function defaultTeam(context: FakeContext, type: ChannelType): string {
  return type === 'O' || type === 'P' ? ([...context.teams.keys()][0] ?? '') : '';
}

export function createFakeMattermostControls(context: FakeContext): FakeMattermostControls {
  const live = () => [...context.posts.values()].filter((post) => post.delete_at === 0);
  const addMember: FakeMattermostControls['addMember'] = (channelId, userId, options = {}) => {
    mustFindUser(context, userId);
    mustFindChannel(context, channelId).members.set(userId, options.admin === true);
  };
  return {
    addUser(input) {
      if ([...context.users.values()].some((user) => user.username === input.username)) {
        throw new Error(`fake Mattermost already has a user @${input.username}`);
      }
      const user = {
        id: input.id ?? newId(),
        username: input.username,
        roles: input.roles ?? 'system_user',
        isBot: false,
      };
      context.users.set(user.id, user);
      return { ...user };
    },
    addChannel(input) {
      const type = input.type ?? 'O';
      const channel: StoredChannel = {
        id: input.id ?? newId(),
        name: input.name,
        teamId: input.teamId ?? defaultTeam(context, type),
        type,
        createAt: context.clock.now(),
        members: new Map(),
      };
      context.channels.set(channel.id, channel);
      if (input.botMember !== false) channel.members.set(context.botUserId, false);
      for (const userId of input.members ?? []) addMember(channel.id, userId);
      for (const userId of input.admins ?? []) addMember(channel.id, userId, { admin: true });
      return toFakeChannel(channel);
    },
    addMember,
    removeMember: (channelId, userId) => {
      mustFindChannel(context, channelId).members.delete(userId);
    },
    setTeamAdmin: (teamId, userId, admin = true) => {
      mustFindUser(context, userId);
      const team = mustFindTeam(context, teamId);
      team.admins = team.admins.filter((id) => id !== userId);
      if (admin) team.admins.push(userId);
    },
    posts: (channelId) =>
      structuredClone(live().filter((post) => channelId === undefined || post.channel_id === channelId)),
    getPost: (id) => {
      const post = context.posts.get(id);
      return post === undefined ? undefined : structuredClone(post);
    },
    thread: (rootId) => structuredClone(live().filter((post) => post.root_id === rootId)),
    ephemerals: (userId) =>
      structuredClone(
        context.ephemerals.filter((message) => userId === undefined || message.userId === userId),
      ),
    dialogs: () => structuredClone(context.dialogs),
    setBlockInternalTargets: (block) => {
      context.blockInternalTargets = block;
    },
  };
}
