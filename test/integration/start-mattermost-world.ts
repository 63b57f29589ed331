import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../src/clock.ts';
import type { Logger } from '../../src/log.ts';
import {
  FAKE_MATTERMOST_COMMAND_TOKEN,
  type FakeMattermost,
  type FakePost,
  type StartFakeMattermostOptions,
  startFakeMattermost,
} from '../fakes/fake-mattermost/index.ts';
import { type FakeSekoia, startFakeSekoia } from '../fakes/fake-sekoia/index.ts';
import { freePort, type StartBotOptions, startBot, type TestBot } from './start-bot.ts';

export interface MattermostWorld {
  sekoia: FakeSekoia;
  mattermost: FakeMattermost;
  bot: TestBot;
  channelId: string;
  otherChannelId: string;
  alice: { id: string; username: string };
  /** `/sekoia <text>` typed by alice in the channel; the ephemeral answer's text. */
  command(text: string, channelId?: string): Promise<string>;
  /** The bot's cards (root posts with an alert) in a channel. */
  cards(channelId?: string): FakePost[];
  cardOf(alertUuid: string, channelId?: string): FakePost | undefined;
  /** Stops the bot and starts a new one on the same store, port and fakes (a restart). */
  restart(): Promise<void>;
  close(): Promise<void>;
  /** Another bot on the same fakes and environment (STORE_URL included), its own port and data. */
  startReplica(worker?: StartBotOptions['worker']): Promise<TestBot>;
}

export interface MattermostWorldOptions {
  clock?: Clock;
  log?: Logger;
  commandDeadlineMs?: number;
  actionDeadlineMs?: number;
  mattermost?: StartFakeMattermostOptions;
  /** The fake resets every connection as the bot starts, until `mattermost.setDown(false)`. */
  mattermostDown?: boolean;
  worker?: StartBotOptions['worker'];
  /** More of the bot's environment (e.g. MATTERMOST_RATE_LIMIT). */
  env?: Record<string, string>;
}

/** Bot + fake Sekoia.io + fake Mattermost on loopback, one team, two channels, alice in both. */
export async function startMattermostWorld(options: MattermostWorldOptions = {}): Promise<MattermostWorld> {
  // On the bot's clock: the alerts' times agree with the bot's (the catch-up lists by `updated_at`).
  const sekoia = await startFakeSekoia(options.clock ? { clock: options.clock } : {});
  const mattermost = await startFakeMattermost(options.mattermost ?? {});
  const alice = mattermost.addUser({ username: 'alice' });
  const channel = mattermost.addChannel({ name: 'soc-alerts', teamId: 'team1', members: [alice.id] });
  const other = mattermost.addChannel({ name: 'soc-other', teamId: 'team1', members: [alice.id] });
  if (options.mattermostDown) mattermost.setDown(true);
  const port = await freePort();
  // The world owns the store's directory, so that a restarted bot finds what the first one kept.
  const dataDir = mkdtempSync(join(tmpdir(), 'mm-world-'));
  const botOptions: StartBotOptions = {
    port,
    dataDir,
    realDelivery: true,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.actionDeadlineMs === undefined ? {} : { actionDeadlineMs: options.actionDeadlineMs }),
    ...(options.log ? { log: options.log } : {}),
    ...(options.worker ? { worker: options.worker } : {}),
    ...(options.commandDeadlineMs === undefined ? {} : { commandDeadlineMs: options.commandDeadlineMs }),
    env: {
      SEKOIA_API_URL: sekoia.url,
      SEKOIA_API_KEY: sekoia.apiKey,
      SEKOIA_APP_URL: sekoia.appUrl,
      MATTERMOST_URL: mattermost.url,
      MATTERMOST_BOT_TOKEN: mattermost.botToken,
      MATTERMOST_COMMAND_TOKENS: `other-token,${FAKE_MATTERMOST_COMMAND_TOKEN}`,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      ...options.env,
    },
  };
  let bot = await startBot(botOptions);
  sekoia.setWebhookUrl(bot.webhookUrl);
  const cards = (channelId = channel.id) =>
    mattermost
      .posts(channelId)
      .filter((post) => post.root_id === '' && post.props.sekoia_alert_uuid !== undefined);
  return {
    sekoia,
    mattermost,
    get bot() {
      return bot;
    },
    channelId: channel.id,
    otherChannelId: other.id,
    alice: { id: alice.id, username: alice.username },
    async command(text, channelId = channel.id) {
      const result = await mattermost.sendSlashCommand({
        url: `${bot.url}/mattermost/command`,
        channelId,
        userId: alice.id,
        text,
      });
      return String(result.response?.text ?? result.error ?? '');
    },
    cards,
    cardOf: (alertUuid, channelId) =>
      cards(channelId).find((post) => post.props.sekoia_alert_uuid === alertUuid),
    async restart() {
      await bot.stop();
      bot = await startBot(botOptions);
    },
    async startReplica(worker) {
      const replicaPort = await freePort();
      return startBot({
        port: replicaPort,
        realDelivery: true,
        ...(options.clock ? { clock: options.clock } : {}),
        ...(worker ? { worker } : {}),
        env: { ...botOptions.env, PUBLIC_URL: `http://127.0.0.1:${replicaPort}` },
      });
    },
    async close() {
      await bot.stop();
      await mattermost.close();
      await sekoia.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
