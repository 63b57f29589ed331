/** What the fake stores, in the shapes a test reads (reference teams.md §2). */

export type TeamsConversationType = 'channel' | 'groupChat' | 'personal';

/**
 * `channelData.channel.type` in activities (botframework-schema `ChannelInfo.type`; Graph calls it
 * `membershipType`). See learn.microsoft.com/microsoftteams/platform/build-apps-for-shared-private-channels.
 */
export type FakeChannelMembershipType = 'standard' | 'private' | 'shared';

export interface FakeTeamsChannel {
  /** `19:<hex>@thread.tacv2`; the General channel's id is the team's id. */
  id: string;
  name: string;
  membershipType: FakeChannelMembershipType;
  /** A private or shared channel's own roster (user ids); a standard channel's is its team's. */
  members: string[];
  /**
   * A private or shared channel reaches the bot only once the app is added to that channel too:
   * installing it in the host team is not enough ("App must be added to each channel", same page).
   */
  botAdded: boolean;
}

export interface FakeTeam {
  /** `19:<hex>@thread.tacv2`, the same id as its General channel (§2). */
  id: string;
  name: string;
  aadGroupId: string;
  /** General first, then the channels asked for. */
  channels: FakeTeamsChannel[];
  botInstalled: boolean;
  /** User ids on the team's roster. */
  members: string[];
}

export interface FakeTeamsUser {
  /** `29:…`, per bot. */
  id: string;
  name: string;
  aadObjectId: string;
  userPrincipalName: string;
  /** `TeamsChannelAccount.userRole` in member answers: `user` (a member of the tenant), `guest`, `anonymous`. */
  userRole: 'user' | 'guest' | 'anonymous';
  /** The user's home tenant: another one than the fake's for an external member of a shared channel. */
  tenantId?: string;
}

/**
 * A team tag (Graph `teamworkTag`): mentioning it pings its members. Its id is opaque (Graph gives
 * a base64 string); a user picks it from the @ list like a person (samples/bot-tag-mention).
 */
export interface FakeTeamsTag {
  id: string;
  teamId: string;
  name: string;
  /** User ids. */
  members: string[];
}

/** One message the bot posted that pinged: who, as the entity named them (a user or tag id). */
export interface FakeMentionPing {
  messageId: string;
  ids: string[];
  at: number;
}

export interface FakeTeamsChat {
  /** `19:<hex>@thread.v2` for a group chat, `a:<opaque>` for a personal chat. */
  id: string;
  type: 'groupChat' | 'personal';
  members: string[];
}

/** A message the bot created, as Teams keeps it. */
export interface FakeTeamsMessage {
  /** Numeric string, increasing like a ms timestamp. */
  id: string;
  /**
   * The conversation as stored: `<channel>;messageid=<root>` for channel posts (a top-level post is
   * the root of its own thread), the chat id in chats.
   */
  conversationId: string;
  /** The root channel id, or the chat id. */
  channelId: string;
  teamId?: string;
  /** The thread root, for replies posted into `<channel>;messageid=<root>`. */
  replyToId?: string;
  /** The latest body the bot sent. */
  activity: Record<string, unknown>;
  /** Every body over time, the first post first. */
  versions: Record<string, unknown>[];
  createdAt: number;
  updatedAt: number;
  /**
   * The ids the message pinged when it was posted: each `<at>…</at>` of its text or card that has
   * a matching mention entity naming a known user or tag (check-mentions.ts). An edit pings nobody.
   */
  pinged: string[];
  /** `<at>…</at>` without an entity, and entities whose text is nowhere in the message: shown, not pinging. */
  unmatchedMentions: string[];
  /** Teams split the posted activity (text + card, or several cards) and answered 202 without an id (§3.4). */
  split?: boolean;
  deletedAt?: number;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
