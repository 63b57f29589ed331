import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Clock, systemClock } from '../../../src/clock.ts';
import { createChannelControls, type FakeChannelControls } from './channel-controls.ts';
import type { ConnectorContext } from './connector-context.ts';
import { createConnectorControls, type FakeBotConnectorControls } from './connector-controls.ts';
import { type ConnectorRequestStats, createFakeConversationLimits } from './fake-conversation-limits.ts';
import { type ConnectorFaultControls, createConnectorFaultInjector } from './fault-injector.ts';
import { handleHttpRequest, type RecordedConnectorRequest } from './handle-http-request.ts';
import {
  type SendChannelInstallInput,
  type SendChannelInstallResult,
  sendChannelInstall,
} from './send-channel-install.ts';
import { type SendInstallInput, type SendInstallResult, sendInstall } from './send-install.ts';
import { type SendInvokeInput, type SendInvokeResult, sendInvoke } from './send-invoke.ts';
import { type SendMessageInput, type SendMessageResult, sendMessage } from './send-message.ts';
import { TEAMS_UPDATE_ANSWER, type UpdateAnswer } from './update-answer.ts';

export const FAKE_TENANT_ID = 'tenant-1';
export const FAKE_BOT_ID = '28:00000000-0000-0000-0000-0000000000b0';

export interface StartFakeBotConnectorOptions {
  /** Drives message ids, timestamps and `at` of recorded requests. */
  clock?: Clock;
  port?: number;
  /** Default `FAKE_BOT_ID`. */
  botId?: string;
  /** Default `Sekoia`, the name in `<at>…</at>`. */
  botName?: string;
  /** How long a driver waits for the bot's answer; default 15 s (Teams' own wait, §4.3). */
  botTimeoutMs?: number;
  /**
   * How long a click waits for the invoke answer before the client shows "Something went wrong";
   * default 5 s, the invoke limit Microsoft documents ("Your app has five seconds to respond to the
   * invoke", msteams-docs respond-to-task-module-submit.md; Bot Service itself gives up after
   * 10–15 s, azure bot-builder-howto-long-operations-guidance).
   */
  invokeTimeoutMs?: number;
  /** What a successful update answers; default 200 with no body (update-answer.ts). */
  updateAnswer?: UpdateAnswer;
}

export interface FakeBotConnector
  extends FakeBotConnectorControls,
    FakeChannelControls,
    ConnectorFaultControls {
  /** `http://127.0.0.1:PORT/`, trailing slash as Teams sends it. */
  readonly serviceUrl: string;
  readonly botId: string;
  readonly tenantId: string;
  /** Every HTTP request received, in order. */
  readonly requests: RecordedConnectorRequest[];
  clearRequests(): void;
  sendMessage(input: SendMessageInput): Promise<SendMessageResult>;
  sendInstall(input: SendInstallInput): Promise<SendInstallResult>;
  /** The app added to a private or shared channel of a team it is installed in. */
  sendChannelInstall(input: SendChannelInstallInput): Promise<SendChannelInstallResult>;
  sendInvoke(input: SendInvokeInput): Promise<SendInvokeResult>;
  /**
   * Turns on Teams' documented limits (reference teams.md §6.1), off by default: per conversation
   * 7/1 s, 8/2 s, 60/30 s, 1800/h for sends and creations, 50/s per app; over them 429 with Retry-After.
   */
  enableRateLimit(): void;
  disableRateLimit(): void;
  /** `/v3/…` requests received, served and refused with 429 since the start (or the last reset). */
  requestStats(): ConnectorRequestStats;
  resetRequestStats(): void;
  close(): Promise<void>;
}

function createContext(options: StartFakeBotConnectorOptions): ConnectorContext {
  return {
    clock: options.clock ?? systemClock,
    serviceUrl: '',
    botId: options.botId ?? FAKE_BOT_ID,
    botName: options.botName ?? 'Sekoia',
    tenantId: FAKE_TENANT_ID,
    botTimeoutMs: options.botTimeoutMs ?? 15_000,
    invokeTimeoutMs: options.invokeTimeoutMs ?? 5_000,
    users: new Map(),
    teams: new Map(),
    chats: new Map(),
    tags: new Map(),
    pings: [],
    messages: new Map(),
    userMessages: new Map(),
    lastMessageId: 0,
    updateAnswer: options.updateAnswer ?? TEAMS_UPDATE_ANSWER,
  };
}

/** A Microsoft Bot Connector (Teams) stand-in over real HTTP on loopback, per reference teams.md §8. */
export async function startFakeBotConnector(
  options: StartFakeBotConnectorOptions = {},
): Promise<FakeBotConnector> {
  const context = createContext(options);
  const faults = createConnectorFaultInjector();
  const requests: RecordedConnectorRequest[] = [];
  const limits = createFakeConversationLimits(context.clock);
  const server = createServer((request, response) => {
    handleHttpRequest({ context, faults, requests, limits }, request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'application/json' });
      const message = error instanceof Error ? error.message : 'fake failure';
      response.end(JSON.stringify({ error: { code: 'ServiceError', message } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  context.serviceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const { isDown: _isDown, take: _take, ...faultControls } = faults;
  return {
    ...createConnectorControls(context),
    ...createChannelControls(context),
    ...faultControls,
    enableRateLimit: () => limits.enable(),
    disableRateLimit: () => limits.disable(),
    requestStats: () => ({ ...limits.stats }),
    resetRequestStats: () => {
      Object.assign(limits.stats, { requests: 0, served: 0, rateLimited: 0 });
    },
    serviceUrl: context.serviceUrl,
    botId: context.botId,
    tenantId: context.tenantId,
    requests,
    clearRequests: () => {
      requests.splice(0);
    },
    sendMessage: (input) => sendMessage(context, input),
    sendInstall: (input) => sendInstall(context, input),
    sendChannelInstall: (input) => sendChannelInstall(context, input),
    sendInvoke: (input) => sendInvoke(context, input),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
