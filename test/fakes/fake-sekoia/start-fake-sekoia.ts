import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Clock, systemClock } from '../../../src/clock.ts';
import { createAlertStore } from './alert-store.ts';
import { createApiKeyRing, type FakeApiKeyInput } from './api-keys.ts';
import { createWebhookEmitter, type WebhookDelivery } from './emit-webhooks.ts';
import { createFakeAssetControls, type FakeAssetControls } from './fake-asset-controls.ts';
import type { FakeContext } from './fake-context.ts';
import { createFakeSekoiaControls, type FakeSekoiaControls } from './fake-sekoia-controls.ts';
import { createFakeTriggerControls, type FakeTriggerControls } from './fake-trigger-controls.ts';
import { createFaultInjector, type FaultInjector } from './fault-injector.ts';
import { handleHttpRequest, type RecordedRequest } from './handle-http-request.ts';
import { createIntakeStore } from './intake-store.ts';
import type { BuildAlertOverrides } from './sample-payloads.ts';
import { createSearchJobStore } from './search-job-store.ts';

export const FAKE_SEKOIA_API_KEY = 'fake-sekoia-api-key-0123456789';

export interface StartFakeSekoiaOptions {
  clock?: Clock;
  /** The default key, with every permission the bot uses (BOT_PERMISSIONS, reference §2). */
  apiKey?: string;
  apiKeys?: readonly FakeApiKeyInput[];
  alerts?: readonly BuildAlertOverrides[];
  /** Where to POST WebHook notifications (the bot's `/hooks/sekoia/{secret}`). */
  webhookUrl?: string;
  webhookWithUuid?: boolean;
  /** Polls a search job answers "running" before it ends (default 1). */
  searchJobRunningPolls?: number;
  latencyMs?: number;
  /** Default 0 (any free port). */
  port?: number;
}

export interface FakeSekoia
  extends FakeSekoiaControls,
    FakeTriggerControls,
    FakeAssetControls,
    Omit<FaultInjector, 'take' | 'latencyMs'> {
  /** Origin serving `/v1/…`, like `https://api.sekoia.io`. */
  readonly url: string;
  /** `url` + `/api`, like `https://app.fra2.sekoia.io/api`. */
  readonly apiUrl: string;
  /** Stand-in for the web app, for "Open in Sekoia.io" links. */
  readonly appUrl: string;
  readonly apiKey: string;
  /** Every HTTP request received, in order (authorization header included). */
  readonly requests: RecordedRequest[];
  readonly webhooks: WebhookDelivery[];
  setWebhookUrl(url: string | undefined): void;
  /** Waits until every WebHook sent so far has been answered. */
  settleWebhooks(): Promise<void>;
  clearRequests(): void;
  close(): Promise<void>;
}

/** A Sekoia.io API stand-in over real HTTP on loopback, per reference §12. */
export async function startFakeSekoia(options: StartFakeSekoiaOptions = {}): Promise<FakeSekoia> {
  const clock = options.clock ?? systemClock;
  const keys = createApiKeyRing();
  const apiKey = options.apiKey ?? FAKE_SEKOIA_API_KEY;
  keys.add({ key: apiKey });
  for (const input of options.apiKeys ?? []) keys.add(input);
  const webhooks = createWebhookEmitter({
    clock,
    url: options.webhookUrl,
    withUuid: options.webhookWithUuid ?? false,
  });
  const intakes = createIntakeStore();
  const searchJobs = createSearchJobStore({ clock, intakes });
  searchJobs.setRunningPolls(options.searchJobRunningPolls ?? 1);
  const store = createAlertStore();
  const context: FakeContext = {
    store,
    clock,
    webhooks,
    catalog: [],
    reports: new Map(),
    intakes,
    searchJobs,
    assets: new Map(),
  };
  const faults = createFaultInjector();
  faults.setLatency(options.latencyMs ?? 0);
  const requests: RecordedRequest[] = [];
  const closing = new AbortController();
  const deps = { context, keys, faults, requests, signal: closing.signal };
  const server = createServer((request, response) => {
    handleHttpRequest(deps, request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ message: error instanceof Error ? error.message : 'fake failure' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const controls = createFakeSekoiaControls(context, keys, webhooks);
  for (const overrides of options.alerts ?? []) controls.addAlert(overrides, { notify: false });
  const { take: _take, latencyMs: _latency, ...faultControls } = faults;
  return {
    ...controls,
    ...createFakeTriggerControls(context),
    ...createFakeAssetControls(context),
    ...faultControls,
    url,
    apiUrl: `${url}/api`,
    appUrl: url,
    apiKey,
    requests,
    webhooks: webhooks.deliveries,
    setWebhookUrl: (next) => webhooks.setUrl(next),
    settleWebhooks: () => webhooks.settle(),
    clearRequests: () => requests.splice(0),
    close: async () => {
      closing.abort();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
