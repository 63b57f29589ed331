/** `standard`, `private` or `shared` (botframework-schema `ChannelInfo.type`, Graph `membershipType`). */
export type TeamsChannelType = 'standard' | 'private' | 'shared';

/** Where the bot can post in Teams: stored when it is installed or first addressed (reference §3.1). */
export interface TeamsConversation {
  /** Root channel id (`19:…@thread.tacv2`) for a channel; the chat id for a group or personal chat. */
  id: string;
  kind: 'channel' | 'groupChat' | 'personal';
  /**
   * A channel's membership type as Teams sends it (`channelData.channel.type`): a private or shared
   * channel has its own roster; null for a chat, or when Teams did not say (read as standard).
   */
  channelType: TeamsChannelType | null;
  /** Always the one Teams sent (never built by us). */
  serviceUrl: string;
  tenantId: string;
  teamId: string | null;
  /** `28:<app id>` */
  botId: string;
  /** Epoch ms. */
  updatedAt: number;
}

export interface TeamsConversationStore {
  get(id: string): Promise<TeamsConversation | undefined>;
  put(conversation: TeamsConversation): Promise<void>;
}
