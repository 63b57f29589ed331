export type { FakeApiKeyInput, FakeKeyState, FakePermission } from './api-keys.ts';
export { ALERT_BOT_PERMISSIONS, BOT_PERMISSIONS } from './api-keys.ts';
export type { AlertWebhookPayload, BuildAlertWebhookInput } from './build-alert-webhook.ts';
export { buildAlertWebhook, toSekoiaEventTime } from './build-alert-webhook.ts';
export type {
  IntakeInactivityInput,
  PlaybookErrorInput,
  TriggerEvent,
  TriggerWebhookPayload,
} from './build-trigger-webhooks.ts';
export { buildTriggerWebhook, contentProposalEvent, playbookErrorEvent } from './build-trigger-webhooks.ts';
export type { SekoiaWebhookPayload, WebhookDelivery } from './emit-webhooks.ts';
export type { FakeAlert, FakeComment, FakeStatusName } from './fake-alert.ts';
export type { FakeAsset } from './fake-asset.ts';
export type { FakeAssetControls } from './fake-asset-controls.ts';
export type { FakeCatalogRule } from './fake-catalog-rule.ts';
export type { FakeIntake } from './fake-intake.ts';
export type { BuildReportOverrides, FakeReport } from './fake-intel-report.ts';
export {
  buildTlp2Marking,
  FAKE_TLP_MARKINGS,
  FAKE_TLP2_MARKINGS,
  type FakeTlp2Level,
  tlp2Overrides,
} from './fake-intel-report.ts';
export type { FakeTriggerControls } from './fake-trigger-controls.ts';
export type { FakeAction } from './fake-workflow.ts';
export { FAKE_ACTIONS, FAKE_STATUSES, FAKE_TRANSITIONS } from './fake-workflow.ts';
export type { CannedResponse, FailOptions, RequestFilter } from './fault-injector.ts';
export type { RecordedRequest } from './handle-http-request.ts';
export type { BuildAlertOverrides } from './sample-payloads.ts';
export {
  alertUrgency,
  buildAlert,
  FAKE_COMMUNITY_UUID,
  randomShortId,
  toSekoiaIso,
} from './sample-payloads.ts';
export type { FakeSearchJob } from './search-job-store.ts';
export type { FakeSekoia, StartFakeSekoiaOptions } from './start-fake-sekoia.ts';
export { FAKE_SEKOIA_API_KEY, startFakeSekoia } from './start-fake-sekoia.ts';
