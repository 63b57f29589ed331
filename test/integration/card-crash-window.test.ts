import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FAKE_MATTERMOST_COMMAND_TOKEN,
  type FakeMattermost,
  startFakeMattermost,
} from '../fakes/fake-mattermost/index.ts';
import { buildAlert, type FakeSekoia, startFakeSekoia } from '../fakes/fake-sekoia/index.ts';
import { freePort } from './start-bot.ts';

const SECRET = 'card-crash-secret-0123456789abcdefgh';
const ROOT = join(import.meta.dirname, '..', '..');

/** `node src/main.ts` as an operator runs it; resolves once it listens. */
function spawnBot(env: Record<string, string>): Promise<{ child: ChildProcess; exited: Promise<void> }> {
  const child = spawn(process.execPath, ['src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', SEKOIA_WEBHOOK_SECRET: SECRET, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bot exited early with ${code}`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      if (line.startsWith('{') && (JSON.parse(line) as { msg: string }).msg === 'listening')
        resolve({ child, exited });
    });
  });
}

/**
 * Issue 12 item 3: the look-up for a card is kept for the one case that needs it. The bot is killed
 * (SIGKILL) while its POST of a card is under way and Mattermost has already stored the post; on
 * the same store, the restarted bot finds that post and edits it: one card, no second POST.
 */
describe('a crash between posting a card and recording it', () => {
  let sekoia: FakeSekoia;
  let mattermost: FakeMattermost;
  let dir: string;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    sekoia = await startFakeSekoia({});
    mattermost = await startFakeMattermost();
    dir = mkdtempSync(join(tmpdir(), 'card-crash-'));
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await mattermost.close();
    await sekoia.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds the card after the restart and posts no duplicate', async () => {
    const alice = mattermost.addUser({ username: 'alice' });
    const channel = mattermost.addChannel({ name: 'soc-alerts', teamId: 'team1', members: [alice.id] });
    const port = await freePort();
    const env = {
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      STORE_URL: `sqlite://${join(dir, 'bot.sqlite')}`,
      SEKOIA_API_URL: sekoia.url,
      SEKOIA_API_KEY: sekoia.apiKey,
      SEKOIA_APP_URL: sekoia.appUrl,
      SEKOIA_API_RATE: '100',
      MATTERMOST_URL: mattermost.url,
      MATTERMOST_BOT_TOKEN: mattermost.botToken,
      MATTERMOST_COMMAND_TOKENS: FAKE_MATTERMOST_COMMAND_TOKEN,
    };
    const first = await spawnBot(env);
    children.push(first.child);
    const subscribed = await mattermost.sendSlashCommand({
      url: `http://127.0.0.1:${port}/mattermost/command`,
      channelId: channel.id,
      userId: alice.id,
      text: 'subscribe alert-raised urgency>=high',
    });
    expect(String(subscribed.response?.text)).toMatch(/rule/i);
    sekoia.setWebhookUrl(`http://127.0.0.1:${port}/hooks/sekoia/${SECRET}`);
    const cards = () =>
      mattermost.posts(channel.id).filter((post) => post.props.sekoia_alert_uuid !== undefined);
    mattermost.clearRequests();
    mattermost.holdAnswerNext(1);
    const alert = sekoia.addAlert({ urgency: { ...buildAlert().urgency, current_value: 90 } });
    await expect.poll(() => cards().length, { timeout: 10_000 }).toBe(1);
    first.child.kill('SIGKILL');
    await first.exited;

    const second = await spawnBot(env);
    children.push(second.child);
    const calls = (method: string, path: RegExp) =>
      mattermost.requests.filter((r) => r.method === method && path.test(r.path)).length;
    await expect
      .poll(() => calls('PUT', /^\/api\/v4\/posts\/[a-z0-9]+\/patch$/), { timeout: 15_000 })
      .toBe(1);
    second.child.kill('SIGTERM');
    await second.exited;

    expect(cards()).toHaveLength(1);
    expect(cards()[0]?.props.sekoia_alert_uuid).toBe(alert.uuid);
    expect(calls('POST', /^\/api\/v4\/posts$/)).toBe(1);
    expect(calls('GET', /^\/api\/v4\/channels\/[a-z0-9]+\/posts$/)).toBe(1);
    expect(JSON.stringify(cards()[0]?.props)).toContain('"acknowledge"');
  }, 60_000);
});
