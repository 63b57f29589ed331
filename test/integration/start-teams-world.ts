import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Clock } from '../../src/clock.ts';
import type { Logger } from '../../src/log.ts';
import {
  type FakeBotConnector,
  type FakeTeamsMessage,
  type StartFakeBotConnectorOptions,
  startFakeBotConnector,
} from '../fakes/fake-bot-connector/index.ts';
import { alertUrgency, type FakeSekoia, startFakeSekoia } from '../fakes/fake-sekoia/index.ts';
import { freePort, type StartBotOptions, startBot, type TestBot } from './start-bot.ts';

export interface TeamsWorld {
  sekoia: FakeSekoia;
  connector: FakeBotConnector;
  bot: TestBot;
  teamId: string;
  channelId: string;
  otherChannelId: string;
  ana: { id: string; name: string };
  /** Where the Bot Connector posts activities to the bot (`/api/messages`); the same after a restart. */
  messagesUrl: string;
  /**
   * `@Sekoia <text>` typed by Ana in a channel, `mentions` (user or tag ids) picked from the @ list
   * for the `@Their Name` in the text; the bot's reply messages.
   */
  command(text: string, channelId?: string, mentions?: string[]): Promise<FakeTeamsMessage[]>;
  /** The bot's alert cards (messages whose card carries an alert) in a channel. */
  cards(channelId?: string): FakeTeamsMessage[];
  /** By the alert short id (it is in the card title). */
  cardOf(shortId: string, channelId?: string): FakeTeamsMessage | undefined;
  /** Stops the bot and starts a new one on the same store, port and fakes (a restart). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** The card content of a message (the first attachment), or undefined. */
export function cardContent(message: FakeTeamsMessage | undefined): Record<string, unknown> | undefined {
  const attachments = (
    message?.activity as { attachments?: { content?: Record<string, unknown> }[] } | undefined
  )?.attachments;
  return attachments?.[0]?.content;
}

/** The activities of the bot's replies as one text, to look for a word in them. */
export const activityTexts = (messages: readonly { activity: unknown }[]) =>
  JSON.stringify(messages.map((m) => m.activity));

/**
 * Subscribes the world's channel to alerts of high urgency, raises one, and waits for its card to
 * offer `action` (e.g. `alert.acknowledge`): which buttons a card shows depends on the alert's status.
 */
export async function postHighUrgencyCard(world: TeamsWorld, action: string) {
  await world.command('subscribe alert-raised urgency>=high');
  const alert = world.sekoia.addAlert({ urgency: alertUrgency(90) });
  await expect.poll(() => JSON.stringify(cardContent(world.cardOf(alert.short_id)) ?? {})).toContain(action);
  const message = world.cardOf(alert.short_id);
  return { alert, message, messageId: message?.id ?? '' };
}

/** Bot (no app id: local mode) + fake Sekoia.io + fake Bot Connector; one team, two channels, the bot installed. */
export async function startTeamsWorld(
  options: {
    env?: Record<string, string>;
    log?: Logger;
    clock?: Clock;
    actionDeadlineMs?: number;
    connector?: StartFakeBotConnectorOptions;
    worker?: StartBotOptions['worker'];
  } = {},
): Promise<TeamsWorld> {
  // On the bot's clock: the alerts' times agree with the bot's (the catch-up lists by `updated_at`).
  const sekoia = await startFakeSekoia(options.clock ? { clock: options.clock } : {});
  const connector = await startFakeBotConnector(options.connector ?? {});
  const team = connector.addTeam({
    name: 'Security',
    channels: [{ name: 'soc-alerts' }, { name: 'soc-other' }],
  });
  const ana = connector.addUser({ name: 'Ana Analyst' });
  // The world owns the store's directory and the port, so that a restarted bot takes over.
  const dataDir = mkdtempSync(join(tmpdir(), 'teams-world-'));
  const botOptions: StartBotOptions = {
    port: await freePort(),
    dataDir,
    realDelivery: true,
    ...(options.log ? { log: options.log } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.worker ? { worker: options.worker } : {}),
    ...(options.actionDeadlineMs === undefined ? {} : { actionDeadlineMs: options.actionDeadlineMs }),
    env: {
      SEKOIA_API_URL: sekoia.url,
      SEKOIA_API_KEY: sekoia.apiKey,
      SEKOIA_APP_URL: sekoia.appUrl,
      ...options.env,
    },
  };
  let bot = await startBot(botOptions);
  sekoia.setWebhookUrl(bot.webhookUrl);
  const botUrl = `${bot.url}/api/messages`;
  const [channel, other] = team.channels;
  if (channel === undefined || other === undefined) throw new Error('fake team without channels');
  await connector.sendInstall({ botUrl, teamId: team.id });
  const cards = (channelId = channel.id) =>
    connector
      .messages()
      .filter(
        (m) =>
          m.channelId === channelId &&
          m.replyToId === undefined &&
          JSON.stringify(cardContent(m) ?? {}).includes('Open in Sekoia.io'),
      );
  return {
    sekoia,
    connector,
    get bot() {
      return bot;
    },
    teamId: team.id,
    channelId: channel.id,
    otherChannelId: other.id,
    ana: { id: ana.id, name: ana.name },
    messagesUrl: botUrl,
    async command(text, channelId = channel.id, mentions = []) {
      const result = await connector.sendMessage({
        botUrl,
        from: ana.id,
        conversation: { kind: 'channel', teamId: team.id, channelId },
        text,
        mentions,
      });
      if (result.status !== 200) throw new Error(`the bot answered ${result.status}`);
      return result.replies;
    },
    cards,
    cardOf: (shortId, channelId) =>
      cards(channelId).find((m) => JSON.stringify(m.activity).includes(shortId)),
    async restart() {
      await bot.stop();
      bot = await startBot(botOptions);
    },
    async close() {
      await bot.stop();
      await connector.close();
      await sekoia.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
