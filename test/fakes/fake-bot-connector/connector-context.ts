import type { Clock } from '../../../src/clock.ts';
import type {
  FakeMentionPing,
  FakeTeamsChannel,
  FakeTeamsChat,
  FakeTeamsMessage,
  FakeTeamsTag,
  FakeTeamsUser,
} from './connector-model.ts';
import type { UpdateAnswer } from './update-answer.ts';

export interface StoredTeam {
  id: string;
  name: string;
  aadGroupId: string;
  channels: FakeTeamsChannel[];
  botInstalled: boolean;
  members: Set<string>;
}

/** Everything the fake knows; routes, controls and drivers share it. */
export interface ConnectorContext {
  clock: Clock;
  /** `http://127.0.0.1:PORT/`, trailing slash as Teams sends it. */
  serviceUrl: string;
  botId: string;
  botName: string;
  tenantId: string;
  /** How long a driver waits for the bot's HTTP answer. */
  botTimeoutMs: number;
  /** How long a click (`adaptiveCard/action` invoke) waits for the bot's answer. */
  invokeTimeoutMs: number;
  users: Map<string, FakeTeamsUser>;
  teams: Map<string, StoredTeam>;
  chats: Map<string, FakeTeamsChat>;
  tags: Map<string, FakeTeamsTag>;
  /** Every post of the bot's that pinged someone, in order (never an edit). */
  pings: FakeMentionPing[];
  /** The bot's messages, in creation order. */
  messages: Map<string, FakeTeamsMessage>;
  /** Messages users posted through the drivers: id → root channel or chat id. */
  userMessages: Map<string, string>;
  lastMessageId: number;
  /** What a successful update answers (update-answer.ts). */
  updateAnswer: UpdateAnswer;
}

/** Message ids are numeric strings that grow like a ms timestamp, strictly increasing (§2). */
export function nextMessageId(context: ConnectorContext): string {
  context.lastMessageId = Math.max(context.clock.now(), context.lastMessageId + 1);
  return String(context.lastMessageId);
}

export function teamOfChannel(context: ConnectorContext, channelId: string): StoredTeam | undefined {
  return channelOf(context, channelId)?.team;
}

/** A channel and its host team (a shared channel is listed under the team that hosts it). */
export function channelOf(
  context: ConnectorContext,
  channelId: string,
): { team: StoredTeam; channel: FakeTeamsChannel } | undefined {
  for (const team of context.teams.values()) {
    const channel = team.channels.find((each) => each.id === channelId);
    if (channel !== undefined) return { team, channel };
  }
  return undefined;
}

/**
 * The bot is in a channel's roster when installed in the team and, for a private or shared channel,
 * added to that channel as well; otherwise Teams answers 403 BotNotInConversationRoster (§3.4).
 */
export function botReachesChannel(context: ConnectorContext, channelId: string): StoredTeam | undefined {
  const found = channelOf(context, channelId);
  if (found === undefined || !found.team.botInstalled) return undefined;
  const { team, channel } = found;
  return channel.membershipType === 'standard' || channel.botAdded ? team : undefined;
}

/** Who is in a channel: a private or shared channel's own roster, else its team's. */
export function channelMembers(team: StoredTeam, channelId: string): string[] {
  const channel = team.channels.find((each) => each.id === channelId);
  if (channel === undefined || channel.membershipType === 'standard') return [...team.members];
  return [...channel.members];
}

export function mustFindUser(context: ConnectorContext, userId: string): FakeTeamsUser {
  const user = context.users.get(userId);
  if (user === undefined) throw new Error(`fake Bot Connector has no user ${userId}`);
  return user;
}

export function mustFindTeam(context: ConnectorContext, teamId: string): StoredTeam {
  const team = context.teams.get(teamId);
  if (team === undefined) throw new Error(`fake Bot Connector has no team ${teamId}`);
  return team;
}

export function mustFindChat(context: ConnectorContext, chatId: string): FakeTeamsChat {
  const chat = context.chats.get(chatId);
  if (chat === undefined) throw new Error(`fake Bot Connector has no chat ${chatId}`);
  return chat;
}
