export type { EntraAnswer } from './entra-error.ts';
export {
  BOT_FRAMEWORK_TENANT,
  type FakeEntraApp,
  type FakeEntraSecret,
  type FakeEntraTenant,
} from './fake-entra-model.ts';
export { type FakeEntra, type RecordedTokenRequest, startFakeEntra } from './start-fake-entra.ts';
