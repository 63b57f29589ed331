/**
 * The bot with its real Mattermost and Teams delivery, between a fake Sekoia.io, a fake Mattermost
 * and a fake Bot Connector (Teams), on loopback.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App } from '../src/app.ts';
import type { Clock } from '../src/clock.ts';
import {
  type FakeBotConnector,
  type FakeTeamsMessage,
  type SendInstallResult,
  type SendMessageResult,
  startFakeBotConnector,
} from '../test/fakes/fake-bot-connector/index.ts';
import {
  FAKE_MATTERMOST_COMMAND_TOKEN,
  type FakeMattermost,
  type FakePost,
  type SlashCommandResult,
  startFakeMattermost,
} from '../test/fakes/fake-mattermost/index.ts';
import { type FakeSekoia, startFakeSekoia } from '../test/fakes/fake-sekoia/index.ts';
import { createTeardown } from './create-teardown.ts';
import { adaptiveCardOf, openUrlOf } from './render-adaptive-card-for-terminal.ts';
import { DEMO_WEBHOOK_SECRET, startDemoBot } from './start-demo-bot.ts';

export interface DemoWorld {
  sekoia: FakeSekoia;
  mattermost: FakeMattermost;
  app: App;
  botUrl: string;
  webhookUrl: string;
  channelId: string;
  alice: { id: string; username: string };
  /** alice types `/sekoia <text>` in ~soc-alerts. */
  command(text: string): Promise<SlashCommandResult>;
  /** The bot's alert cards (root posts carrying an alert uuid) in ~soc-alerts. */
  cards(): FakePost[];
  connector: FakeBotConnector;
  /** The Teams team Security and its soc-alerts channel. */
  teams: { teamId: string; teamName: string; channelId: string; channelName: string };
  /** Ana Analyst, a member of the team. */
  ana: { id: string; name: string };
  /** The bot's messaging endpoint, `POST /api/messages`. */
  messagesUrl: string;
  /** The bot is added to the team (Teams sends `conversationUpdate` and `installationUpdate`). */
  installInTeams(): Promise<SendInstallResult>;
  /** Ana types `@Sekoia <text>` in soc-alerts (a new thread). */
  teamsCommand(text: string): Promise<SendMessageResult>;
  /** The bot's Adaptive Cards of alerts (top-level, with an "Open in Sekoia.io" link) in soc-alerts. */
  teamsCards(): FakeTeamsMessage[];
  /** Polls until `done` holds, failing after `timeoutMs`. */
  waitUntil(what: string, done: () => boolean | Promise<boolean>, timeoutMs?: number): Promise<void>;
  /** Every WebHook answered, the queue empty, and `done` true. */
  waitIdle(what: string, done?: () => boolean): Promise<void>;
  /** The bot's clock jumps `ms` ahead (real time goes on from there): minutes pass in an instant. */
  passTime(ms: number): void;
  stop(): Promise<void>;
}

function mattermostEnv(mattermost: FakeMattermost): Record<string, string> {
  return {
    MATTERMOST_URL: mattermost.url,
    MATTERMOST_BOT_TOKEN: mattermost.botToken,
    MATTERMOST_COMMAND_TOKENS: FAKE_MATTERMOST_COMMAND_TOKEN,
  };
}

interface Parts {
  sekoia: FakeSekoia;
  mattermost: FakeMattermost;
  connector: FakeBotConnector;
  app: App;
  botUrl: string;
  stop: () => Promise<void>;
  passTime: (ms: number) => void;
}

/** Starts everything; what was started is stopped again (and the data removed) if a later part fails. */
export async function startDemoWorld(): Promise<DemoWorld> {
  const dir = mkdtempSync(join(tmpdir(), 'sekoia-chatops-demo-'));
  const teardown = createTeardown(dir);
  const { stop } = teardown;
  try {
    const sekoia = await startFakeSekoia({});
    teardown.add(() => sekoia.close());
    const mattermost = await startFakeMattermost({});
    teardown.add(() => mattermost.close());
    const connector = await startFakeBotConnector({});
    teardown.add(() => connector.close());
    // Real time, plus what the demo skips: a reminder due in 15 minutes is shown at once.
    let skipped = 0;
    const clock: Clock = { now: () => Date.now() + skipped };
    const passTime = (ms: number) => {
      skipped += ms;
    };
    const { app, botUrl } = await startDemoBot({ dir, sekoia, clock, env: mattermostEnv(mattermost) });
    teardown.add(() => app.stop());
    return buildWorld({ sekoia, mattermost, connector, app, botUrl, stop, passTime });
  } catch (error) {
    await stop();
    throw error;
  }
}

function buildWorld(parts: Parts): DemoWorld {
  const { sekoia, mattermost, connector, app, botUrl } = parts;
  const alice = mattermost.addUser({ username: 'alice' });
  const channel = mattermost.addChannel({ name: 'soc-alerts', members: [alice.id] });
  const ana = connector.addUser({ name: 'Ana Analyst' });
  const team = connector.addTeam({ name: 'Security', channels: [{ name: 'soc-alerts' }], members: [ana.id] });
  const teamsChannel = team.channels.find((each) => each.name === 'soc-alerts');
  if (teamsChannel === undefined) throw new Error('the fake Teams team has no soc-alerts channel');
  const messagesUrl = `${botUrl}/api/messages`;
  const webhookUrl = `${botUrl}/hooks/sekoia/${DEMO_WEBHOOK_SECRET}`;
  sekoia.setWebhookUrl(webhookUrl);
  const waitUntil: DemoWorld['waitUntil'] = async (what, done, timeoutMs = 5_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  return {
    sekoia,
    mattermost,
    app,
    botUrl,
    webhookUrl,
    channelId: channel.id,
    alice: { id: alice.id, username: alice.username },
    command: (text) =>
      mattermost.sendSlashCommand({
        url: `${botUrl}/mattermost/command`,
        channelId: channel.id,
        userId: alice.id,
        text,
      }),
    cards: () =>
      mattermost
        .posts(channel.id)
        .filter((post) => post.root_id === '' && post.props.sekoia_alert_uuid !== undefined),
    connector,
    teams: {
      teamId: team.id,
      teamName: team.name,
      channelId: teamsChannel.id,
      channelName: teamsChannel.name,
    },
    ana: { id: ana.id, name: ana.name },
    messagesUrl,
    installInTeams: () => connector.sendInstall({ botUrl: messagesUrl, teamId: team.id, from: ana.id }),
    teamsCommand: (text) =>
      connector.sendMessage({
        botUrl: messagesUrl,
        from: ana.id,
        conversation: { kind: 'channel', teamId: team.id, channelId: teamsChannel.id },
        text,
      }),
    teamsCards: () =>
      connector
        .messages(teamsChannel.id)
        .filter(
          (message) =>
            message.replyToId === undefined && openUrlOf(adaptiveCardOf(message.activity)) !== undefined,
        ),
    waitUntil,
    async waitIdle(what, done = () => true) {
      await sekoia.settleWebhooks();
      await waitUntil(what, async () => (await app.queue.stats()).pending === 0 && done());
    },
    passTime: parts.passTime,
    stop: parts.stop,
  };
}
