import { randomUUID } from 'node:crypto';
import { type ConnectorContext, mustFindTeam, mustFindUser, type StoredTeam } from './connector-context.ts';
import type {
  FakeMentionPing,
  FakeTeam,
  FakeTeamsChannel,
  FakeTeamsMessage,
  FakeTeamsTag,
  FakeTeamsUser,
} from './connector-model.ts';
import { newChannelId, newGroupChatId, newUserId } from './new-teams-id.ts';
import { openPersonalChat } from './open-personal-chat.ts';
import type { UpdateAnswer } from './update-answer.ts';

export interface AddTeamInput {
  id?: string;
  name: string;
  /** Besides General, which every team has and whose id is the team's (added when not listed). */
  channels: { id?: string; name: string }[];
  /** Default true. */
  botInstalled?: boolean;
  /** User ids on the roster; a user who posts through a driver joins it. */
  members?: string[];
}

export interface AddTeamsUserInput {
  id?: string;
  name: string;
  aadObjectId?: string;
  /** Default `user`; a guest account is `guest`. */
  userRole?: FakeTeamsUser['userRole'];
  /** Home tenant; default the fake's (another one makes an external user, for shared channels). */
  tenantId?: string;
}

/** Test-side set-up and view of the fake's data. Everything handed out is a copy. */
export interface FakeBotConnectorControls {
  addTeam(input: AddTeamInput): FakeTeam;
  addUser(input: AddTeamsUserInput): FakeTeamsUser;
  addTeamMember(teamId: string, userId: string): void;
  /** A tag of a team (members: user ids); its id is opaque, like Graph's. */
  addTag(input: { teamId: string; name: string; members: string[] }): FakeTeamsTag;
  /** Every post of the bot's that pinged someone, oldest first (edits never ping). */
  pings(): FakeMentionPing[];
  /** Install or remove the bot without telling it (see `sendInstall` to tell it). */
  setBotInstalled(teamId: string, installed: boolean): void;
  /** A group chat with these users and the bot: `19:<hex>@thread.v2`. */
  addGroupChat(input: { members: string[] }): { id: string };
  /** The bot's 1:1 chat with a user, opened on first call: `a:<opaque>`. */
  personalChat(userId: string): { id: string };
  /** The bot's live messages, oldest first; with an id, those whose thread/chat or root channel it is. */
  messages(conversationId?: string): FakeTeamsMessage[];
  /** Any message of the bot's, deleted ones included. */
  getMessage(activityId: string): FakeTeamsMessage | undefined;
  /** Live replies posted into `<channel>;messageid=<root>`, oldest first (the root excluded). */
  thread(rootActivityId: string): FakeTeamsMessage[];
  /** From now on, a successful update answers this (default: 200 with no body, update-answer.ts). */
  answerUpdatesWith(answer: UpdateAnswer): void;
}

function toFakeTeam(team: StoredTeam): FakeTeam {
  const { id, name, aadGroupId, botInstalled } = team;
  return {
    id,
    name,
    aadGroupId,
    botInstalled,
    channels: structuredClone(team.channels),
    members: [...team.members],
  };
}

function teamChannels(teamId: string, input: AddTeamInput['channels']): FakeTeamsChannel[] {
  const isGeneral = (name: string) => name.toLowerCase() === 'general';
  const standard = { membershipType: 'standard' as const, members: [], botAdded: true };
  const listed = input.map(({ id, name }) => ({
    id: id ?? (isGeneral(name) ? teamId : newChannelId()),
    name,
    ...standard,
  }));
  return listed.some((channel) => isGeneral(channel.name))
    ? listed
    : [{ id: teamId, name: 'General', ...standard }, ...listed];
}

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '.')
      .replace(/^\.|\.$/g, '') || 'user'
  );
}

export function createConnectorControls(context: ConnectorContext): FakeBotConnectorControls {
  const live = () => [...context.messages.values()].filter((message) => message.deletedAt === undefined);
  return {
    addTeam(input) {
      const id = input.id ?? newChannelId();
      const members = new Set(input.members ?? []);
      for (const userId of members) mustFindUser(context, userId);
      const channels = teamChannels(id, input.channels);
      const team = { id, name: input.name, aadGroupId: randomUUID(), channels, members };
      context.teams.set(id, { ...team, botInstalled: input.botInstalled ?? true });
      return toFakeTeam(mustFindTeam(context, id));
    },
    addUser(input) {
      const id = input.id ?? newUserId();
      if (context.users.has(id)) throw new Error(`fake Bot Connector already has a user ${id}`);
      const aadObjectId = input.aadObjectId ?? randomUUID();
      const user = {
        id,
        name: input.name,
        aadObjectId,
        userPrincipalName: `${slug(input.name)}@example.invalid`,
        userRole: input.userRole ?? 'user',
        ...(input.tenantId === undefined ? {} : { tenantId: input.tenantId }),
      };
      context.users.set(id, user);
      return { ...user };
    },
    addTeamMember: (teamId, userId) => {
      mustFindUser(context, userId);
      mustFindTeam(context, teamId).members.add(userId);
    },
    addTag(input) {
      mustFindTeam(context, input.teamId);
      for (const userId of input.members) mustFindUser(context, userId);
      const id = Buffer.from(`tag:${randomUUID()}`).toString('base64');
      const tag = { id, teamId: input.teamId, name: input.name, members: [...input.members] };
      context.tags.set(id, tag);
      return structuredClone(tag);
    },
    pings: () => structuredClone(context.pings),
    setBotInstalled: (teamId, installed) => {
      mustFindTeam(context, teamId).botInstalled = installed;
    },
    addGroupChat(input) {
      for (const userId of input.members) mustFindUser(context, userId);
      const id = newGroupChatId();
      context.chats.set(id, { id, type: 'groupChat', members: [...input.members] });
      return { id };
    },
    personalChat: (userId) => {
      mustFindUser(context, userId);
      return { id: openPersonalChat(context, userId).id };
    },
    messages: (conversationId) =>
      structuredClone(
        live().filter(
          (message) =>
            conversationId === undefined ||
            message.conversationId === conversationId ||
            message.channelId === conversationId,
        ),
      ),
    getMessage: (activityId) => {
      const message = context.messages.get(activityId);
      return message === undefined ? undefined : structuredClone(message);
    },
    thread: (rootActivityId) =>
      structuredClone(live().filter((message) => message.replyToId === rootActivityId)),
    answerUpdatesWith: (answer) => {
      context.updateAnswer = { ...answer };
    },
  };
}
