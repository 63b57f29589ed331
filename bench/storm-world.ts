/**
 * The world of `npm run bench:storm`: the bot as its own process (`node src/main.ts`, embedded
 * SQLite store in a temporary directory) against the fake Sekoia.io and the fake Mattermost on
 * loopback, which run in the benchmark's process, with channels, one user and one rule per channel.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  FAKE_MATTERMOST_COMMAND_TOKEN,
  type FakeMattermost,
  type FakePost,
  startFakeMattermost,
} from '../test/fakes/fake-mattermost/index.ts';
import { type FakeSekoia, startFakeSekoia } from '../test/fakes/fake-sekoia/index.ts';

const SECRET = 'bench-storm-webhook-secret-0123456789';
/** The V8 heap settings `npm start` runs the bot with (package.json). */
const START_FLAGS = ['--max-semi-space-size=16', '--max-old-space-size=512'];
const ROOT = join(import.meta.dirname, '..');

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

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitHealthy(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the bot exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the bot did not become ready in 30 s');
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
  const port = await freePort();
  const botUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...START_FLAGS, join(ROOT, 'src/main.ts')], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      PUBLIC_URL: botUrl,
      STORE_URL: `sqlite://${join(dir, 'bot.sqlite')}`,
      SEKOIA_WEBHOOK_SECRET: SECRET,
      SEKOIA_API_URL: sekoia.url,
      SEKOIA_API_KEY: sekoia.apiKey,
      SEKOIA_APP_URL: sekoia.appUrl,
      MATTERMOST_URL: mattermost.url,
      MATTERMOST_BOT_TOKEN: mattermost.botToken,
      MATTERMOST_COMMAND_TOKENS: FAKE_MATTERMOST_COMMAND_TOKEN,
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
      // For experiments with the bot's V8 flags (e.g. `--max-semi-space-size=4`).
      ...(process.env.BENCH_BOT_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_BOT_NODE_OPTIONS } : {}),
      ...options.env,
    },
  });
  await waitHealthy(botUrl, child);
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
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return kb / 1024;
    },
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await mattermost.close();
      await sekoia.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
