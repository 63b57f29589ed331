import type { FakeContext, StoredChannel } from './fake-context.ts';
import type {
  ChannelType,
  FakeChannel,
  FakeEphemeral,
  FakeGroup,
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

export interface AddGroupInput {
  /** The mention name (`^[a-z0-9.\-_]+$`, at most 64: model/group.go IsValidName); null for an unmentionable LDAP group. */
  name: string | null;
  displayName?: string;
  /** Default `custom`. */
  source?: 'custom' | 'ldap';
  /** Default true (a custom group must be: api4/group.go createGroup); an LDAP group may be false. */
  allowReference?: boolean;
  /** User ids. */
  members?: string[];
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
  /** A user group with its members, as `POST /groups` (custom) or an LDAP sync would make it. */
  addGroup(input: AddGroupInput): FakeGroup;
  setGroupMembers(groupId: string, members: string[]): void;
  /** Without a licence every group route answers 501 (Team Edition); licensed by default. */
  setLicensed(licensed: boolean): void;
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
    addGroup(input) {
      const source = input.source ?? 'custom';
      const allowReference = input.allowReference ?? true;
      if (input.name !== null && !/^[a-z0-9.\-_]{1,64}$/.test(input.name))
        throw new Error(`invalid group name ${input.name} (model/group.go IsValidName)`);
      if (source === 'custom' && (!allowReference || input.name === null))
        throw new Error('a custom group must have a name and allow_reference (api4/group.go createGroup)');
      const taken = [...context.groups.values()].some(
        (group) => group.name !== null && group.name === input.name,
      );
      if (taken) throw new Error(`fake Mattermost already has a group @${input.name}`);
      for (const userId of input.members ?? []) mustFindUser(context, userId);
      const group: FakeGroup = {
        id: newId(),
        name: input.name,
        displayName: input.displayName ?? input.name ?? 'LDAP group',
        source,
        allowReference,
        members: [...(input.members ?? [])],
        deleteAt: 0,
      };
      context.groups.set(group.id, group);
      return structuredClone(group);
    },
    setGroupMembers(groupId, members) {
      const group = context.groups.get(groupId);
      if (group === undefined) throw new Error(`fake Mattermost has no group ${groupId}`);
      for (const userId of members) mustFindUser(context, userId);
      group.members = [...members];
    },
    setLicensed(licensed) {
      context.licensed = licensed;
    },
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
