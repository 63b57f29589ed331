export type { CommandResponse } from './apply-command-response.ts';
export type { ActionResult, ClickInput } from './click-button.ts';
export { MAX_MESSAGE_RUNES } from './create-post.ts';
export type {
  AddChannelInput,
  AddGroupInput,
  AddUserInput,
  FakeMattermostControls,
} from './fake-mattermost-controls.ts';
export type {
  ChannelType,
  EphemeralSource,
  FakeChannel,
  FakeCommand,
  FakeEphemeral,
  FakeGroup,
  FakePost,
  FakeTeam,
  FakeTeamPermission,
  FakeUser,
  OpenedDialog,
} from './fake-model.ts';
export type { RateLimitSettings, RequestStats } from './fake-rate-limiter.ts';
export type { FaultControls } from './fault-injector.ts';
export type { RecordedRequest } from './handle-http-request.ts';
export { MAX_REQUEST_BODY_BYTES } from './handle-http-request.ts';
export { RESPONSE_URL_LIFETIME_MS, RESPONSE_URL_USES } from './response-urls.ts';
export type { SlashCommandInput, SlashCommandResult } from './send-slash-command.ts';
export type { AddSlashCommandInput, SlashCommandControls } from './slash-command-controls.ts';
export type { FakeMattermost, StartFakeMattermostOptions } from './start-fake-mattermost.ts';
export {
  FAKE_MATTERMOST_BOT_TOKEN,
  FAKE_MATTERMOST_COMMAND_TOKEN,
  FAKE_MATTERMOST_TEAM_ID,
  startFakeMattermost,
} from './start-fake-mattermost.ts';
export type { DialogResult, DialogSubmitInput } from './submit-dialog.ts';
