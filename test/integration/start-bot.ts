import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type App, type AppOptions, createApp } from '../../src/app.ts';
import type { Clock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { createLogger, type Logger } from '../../src/log.ts';
import { createRecordingDelivery, type RecordingDelivery } from '../fakes/recording-delivery.ts';

/** Picks the port of a bot whose PUBLIC_URL must be known before it starts (scripts/free-port.ts). */
export { freePort } from '../../scripts/free-port.ts';

export const TEST_WEBHOOK_SECRET = 'test-webhook-secret-0123456789abcdef';

export interface TestBot {
  app: App;
  url: string;
  webhookUrl: string;
  delivery: RecordingDelivery;
  dataDir: string;
  stop(): Promise<void>;
}

export interface StartBotOptions {
  env?: Record<string, string>;
  clock?: Clock;
  log?: Logger;
  worker?: AppOptions['worker'];
  sekoiaRetry?: AppOptions['sekoiaRetry'];
  /** Reuse a data directory (a restart on the same store). */
  dataDir?: string;
  /** Rules and card delivery as in production, instead of recording the notifications. */
  realDelivery?: boolean;
  /** Listen on this port (default: any free one). */
  port?: number;
  /** How long a card button waits for its action before answering. */
  actionDeadlineMs?: number;
  /** How long a Mattermost slash command may run before "Working on it…". */
  commandDeadlineMs?: number;
  /** Bytes of request bodies held at once (default: the app's). */
  bodyBudgetBytes?: number;
}

/** The real app on port 0 with a recording delivery port and a throw-away SQLite store. */
export async function startBot(options: StartBotOptions = {}): Promise<TestBot> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'bot-'));
  const config = loadConfig({
    SEKOIA_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
    STORE_URL: `sqlite://${join(dataDir, 'bot.sqlite')}`,
    LOG_LEVEL: 'silent',
    // The pacer stays in the path, at a rate that does not stretch the end-to-end tests (they send
    // dozens of alerts a second); the 5 requests/s default is tested in test/sekoia/pace-requests.test.ts.
    SEKOIA_API_RATE: '100',
    ...options.env,
  });
  const delivery = createRecordingDelivery();
  const app = await createApp({
    config,
    log: options.log ?? createLogger({ level: 'silent' }),
    ...(options.realDelivery ? {} : { delivery }),
    defaultMetrics: false,
    // The watchers pace their Sekoia.io calls; tests drive them without waiting.
    pause: async () => undefined,
    random: () => 0,
    ...(options.clock ? { clock: options.clock } : {}),
    worker: { pollMs: 50, backoffBaseMs: 20, ...options.worker },
    // The pause after repeated errors is shortened.
    sekoiaRetry: {
      maxRetries: 1,
      backoff: { baseMs: 5, capMs: 20 },
      pace: { pauseMs: 20 },
      ...options.sekoiaRetry,
    },
    ...(options.actionDeadlineMs === undefined ? {} : { actionDeadlineMs: options.actionDeadlineMs }),
    ...(options.commandDeadlineMs === undefined ? {} : { commandDeadlineMs: options.commandDeadlineMs }),
    ...(options.bodyBudgetBytes ? { bodyBudgetBytes: options.bodyBudgetBytes } : {}),
  });
  const port = await app.listen(options.port ?? 0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  return {
    app,
    url,
    webhookUrl: `${url}/hooks/sekoia/${TEST_WEBHOOK_SECRET}`,
    delivery,
    dataDir,
    stop: async () => {
      await app.stop();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
