/** The bot in this process on loopback, against a fake Sekoia.io, with a throw-away SQLite store. */

import { join } from 'node:path';
import { type App, createApp } from '../src/app.ts';
import type { Clock } from '../src/clock.ts';
import { loadConfig } from '../src/config/load-config.ts';
import { createLogger, type Logger } from '../src/log.ts';
import type { FakeSekoia } from '../test/fakes/fake-sekoia/index.ts';
import { freePort } from './free-port.ts';

export const DEMO_WEBHOOK_SECRET = 'demo-webhook-secret-0123456789abcdef';

export interface DemoBot {
  app: App;
  botUrl: string;
  /** Where the fake Sekoia.io sends its WebHooks: `/hooks/sekoia/{secret}`. */
  webhookUrl: string;
  /** The Bot Framework messaging endpoint, `POST /api/messages`. */
  messagesUrl: string;
}

export interface StartDemoBotOptions {
  /** Where the SQLite store is written. */
  dir: string;
  sekoia: FakeSekoia;
  /** More configuration (a platform's variables). */
  env?: Record<string, string>;
  clock?: Clock;
  log?: Logger;
  /** Default: any free port. */
  port?: number;
}

export async function startDemoBot(options: StartDemoBotOptions): Promise<DemoBot> {
  const { sekoia } = options;
  const port = options.port ?? (await freePort());
  const botUrl = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    SEKOIA_WEBHOOK_SECRET: DEMO_WEBHOOK_SECRET,
    STORE_URL: `sqlite://${join(options.dir, 'demo.sqlite')}`,
    SEKOIA_API_URL: sekoia.url,
    SEKOIA_API_KEY: sekoia.apiKey,
    SEKOIA_APP_URL: sekoia.appUrl,
    PUBLIC_URL: botUrl,
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const app = await createApp({
    config,
    log: options.log ?? createLogger({ level: 'silent' }),
    defaultMetrics: false,
    worker: { pollMs: 50 },
    ...(options.clock ? { clock: options.clock } : {}),
  });
  try {
    await app.listen(port, '127.0.0.1');
  } catch (error) {
    await app.stop();
    throw error;
  }
  return {
    app,
    botUrl,
    webhookUrl: `${botUrl}/hooks/sekoia/${DEMO_WEBHOOK_SECRET}`,
    messagesUrl: `${botUrl}/api/messages`,
  };
}
