export type { InboundConversation } from './build-inbound-activity.ts';
export type { AddChannelInput, FakeChannelControls } from './channel-controls.ts';
export type { AddTeamInput, AddTeamsUserInput, FakeBotConnectorControls } from './connector-controls.ts';
export type { ConnectorError } from './connector-error.ts';
export type {
  FakeChannelMembershipType,
  FakeMentionPing,
  FakeTeam,
  FakeTeamsChannel,
  FakeTeamsChat,
  FakeTeamsMessage,
  FakeTeamsTag,
  FakeTeamsUser,
  TeamsConversationType,
} from './connector-model.ts';
export type { ConnectorRequestStats } from './fake-conversation-limits.ts';
export type { ConnectorFaultControls } from './fault-injector.ts';
export type { RecordedConnectorRequest } from './handle-http-request.ts';
export { messagingEndpoint } from './post-to-bot.ts';
export { parseThreadId, threadId } from './resolve-conversation.ts';
export type { DriveConversation } from './resolve-drive-conversation.ts';
export type { SendChannelInstallInput, SendChannelInstallResult } from './send-channel-install.ts';
export type { SendInstallInput, SendInstallResult } from './send-install.ts';
export type { SendInvokeInput, SendInvokeResult } from './send-invoke.ts';
export type { SendMessageInput, SendMessageResult } from './send-message.ts';
export type { FakeBotConnector, StartFakeBotConnectorOptions } from './start-fake-bot-connector.ts';
export { FAKE_BOT_ID, FAKE_TENANT_ID, startFakeBotConnector } from './start-fake-bot-connector.ts';
export { isSplitByTeams, MAX_MESSAGE_BYTES, messageBytes } from './store-bot-message.ts';
export { TEAMS_UPDATE_ANSWER, type UpdateAnswer } from './update-answer.ts';
