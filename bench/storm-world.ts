/**
 * The world of `npm run bench:storm`: the bot as its own process (`npm start`'s command: the compiled `dist/main.js`, embedded
 * SQLite store in a temporary directory) against the fake Sekoia.io and the fake Mattermost on
 * loopback, which run in the benchmark's process, with channels, one user and one rule per channel.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type FakeMattermost,
  type FakePost,
  startFakeMattermost,
} from '../test/fakes/fake-mattermost/index.ts';
import { type FakeSekoia, startFakeSekoia } from '../test/fakes/fake-sekoia/index.ts';
import { fakeWorldEnv } from './fake-world-env.ts';
import { spawnBotProcess } from './spawn-bot-process.ts';

const SECRET = 'bench-storm-webhook-secret-0123456789';

export interface StormWorld {
  sekoia: FakeSekoia;
  mattermost: FakeMattermost;
  botUrl: string;
  webhookUrl: string;
  /** Channel ids by name. */
  channels: Map<string, string>;
  aliceId: string;
  /** `/sekoia <text>` typed by alice in a channel; the answer's text. */
  command(channelId: string, text: string): Promise<string>;
  /** The bot's root posts in a channel (cards and roll-ups). */
  rootPosts(channelId?: string): FakePost[];
  /** Peak resident memory of the bot process so far (VmHWM), in MB. */
  peakRssMb(): number;
  close(): Promise<void>;
}

export interface StormWorldOptions {
  channelNames: readonly string[];
  /** Extra environment for the bot (limits, storm budget…). */
  env?: Record<string, string>;
}

export async function startStormWorld(options: StormWorldOptions): Promise<StormWorld> {
  const sekoia = await startFakeSekoia({});
  const mattermost = await startFakeMattermost({});
  const alice = mattermost.addUser({ username: 'alice' });
  const channels = new Map<string, string>();
  for (const name of options.channelNames) {
    channels.set(name, mattermost.addChannel({ name, teamId: 'team1', members: [alice.id] }).id);
  }
  const dir = mkdtempSync(join(tmpdir(), 'bench-storm-'));
  const bot = await spawnBotProcess({
    cwd: dir,
    env: {
      ...fakeWorldEnv({ dir, secret: SECRET, sekoia, mattermost }),
      ...options.env,
    },
    publicUrl: true,
  });
  const botUrl = bot.url;
  // The fakes record every request for tests; a benchmark sends too many to keep them all.
  const webhookUrl = `${botUrl}/hooks/sekoia/${SECRET}`;
  return {
    sekoia,
    mattermost,
    botUrl,
    webhookUrl,
    channels,
    aliceId: alice.id,
    async command(channelId, text) {
      const result = await mattermost.sendSlashCommand({
        url: `${botUrl}/mattermost/command`,
        channelId,
        userId: alice.id,
        text,
      });
      return String(result.response?.text ?? result.error ?? '');
    },
    rootPosts: (channelId) =>
      mattermost
        .posts(channelId)
        .filter((post) => post.root_id === '' && post.user_id === mattermost.botUserId),
    peakRssMb() {
      const status = readFileSync(`/proc/${bot.child.pid}/status`, 'utf8');
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return kb / 1024;
    },
    async close() {
      await bot.stop();
      await mattermost.close();
      await sekoia.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
