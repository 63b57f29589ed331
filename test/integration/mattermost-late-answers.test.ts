import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock.ts';
import { FAKE_MATTERMOST_COMMAND_TOKEN } from '../fakes/fake-mattermost/index.ts';
import { type CapturedLog, captureLog } from '../storage/capture-log.ts';
import {
  type MattermostWorld,
  type MattermostWorldOptions,
  startMattermostWorld,
} from './start-mattermost-world.ts';

// The bot answers "Working on it…" after this, then sends the rest through response_url.
const DEADLINE_MS = 50;
// `status` pings Sekoia.io: this latency makes it slower than the deadline.
const SEKOIA_LATENCY_MS = 400;

let world: MattermostWorld | undefined;
let capture: CapturedLog;

async function start(options: MattermostWorldOptions = {}): Promise<MattermostWorld> {
  capture = captureLog();
  world = await startMattermostWorld({ commandDeadlineMs: DEADLINE_MS, log: capture.log, ...options });
  return world;
}

afterEach(async () => {
  await world?.close();
  world = undefined;
});

const slashCommand = (w: MattermostWorld, text: string) =>
  w.mattermost.sendSlashCommand({
    url: `${w.bot.url}/mattermost/command`,
    channelId: w.channelId,
    userId: w.alice.id,
    text,
  });

const lateAnswers = (w: MattermostWorld) =>
  w.mattermost
    .ephemerals(w.alice.id)
    .filter((message) => message.source === 'response_url')
    .map((message) => message.text);

const logged = (message: string) =>
  capture.records().filter((record) => String(record.msg).includes(message));

describe('late answers through response_url', () => {
  it('delivers a slow command’s answer when response_url is on the Site URL, not on MATTERMOST_URL', async () => {
    const w = await start();
    const siteOrigin = new URL(w.mattermost.siteUrl).origin;
    expect(siteOrigin).not.toBe(new URL(w.mattermost.url).origin);
    w.sekoia.setLatency(SEKOIA_LATENCY_MS);
    const result = await slashCommand(w, 'status');
    expect(result.response).toEqual({ response_type: 'ephemeral', text: 'Working on it…' });
    expect(new URL(result.responseUrl).origin).toBe(siteOrigin);
    await expect
      .poll(() => lateAnswers(w).join('\n'), { timeout: 5_000 })
      .toMatch(/Sekoia\\?\.io: reachable/);
    expect(logged('late command answers (response_url) accepted from')[0]?.trusted).toEqual([
      w.mattermost.url,
      w.mattermost.siteUrl,
    ]);
  });

  it('reads the Site URL again when Mattermost was down as the bot started', async () => {
    const clock = createManualClock();
    const w = await start({ clock, mattermostDown: true });
    await expect.poll(() => logged('could not read the Site URL').length).toBe(1);
    w.mattermost.setDown(false);
    w.sekoia.setLatency(SEKOIA_LATENCY_MS);
    clock.advance(60_000);
    const result = await slashCommand(w, 'status');
    expect(result.response?.text).toBe('Working on it…');
    await expect
      .poll(() => lateAnswers(w).join('\n'), { timeout: 5_000 })
      .toMatch(/Sekoia\\?\.io: reachable/);
    expect(logged('late command answers (response_url) accepted from')).toHaveLength(1);
  });

  it('never calls a response_url on another origin, nor another path of the server', async () => {
    const w = await start();
    const stranger = await startRecorder();
    try {
      w.sekoia.setLatency(SEKOIA_LATENCY_MS);
      const targets = [
        `${stranger.url}/hooks/commands/abcdefghijklmnopqrstuvwxyz`,
        `${w.mattermost.siteUrl}/api/v4/posts`,
        `${w.mattermost.url}/hooks/commands/abc?x=1`,
      ];
      for (const responseUrl of targets) {
        const response = await postCommand(w, { text: 'status', response_url: responseUrl });
        expect(response.status).toBe(200);
        expect(await response.json()).toEqual({ response_type: 'ephemeral', text: 'Working on it…' });
      }
      await expect
        .poll(() => logged('a late answer is dropped').length, { timeout: 5_000 })
        .toBe(targets.length);
      expect(stranger.requests).toEqual([]);
      const toMattermost = w.mattermost.requests.filter((request) => request.method === 'POST');
      expect(toMattermost.map((request) => request.path)).not.toContain('/api/v4/posts');
      expect(toMattermost.map((request) => request.path)).not.toContain('/hooks/commands/abc');
    } finally {
      await stranger.close();
    }
  });
});

/** The command route's form, built by hand to carry a response_url the server would never build. */
function postCommand(w: MattermostWorld, fields: { text: string; response_url: string }): Promise<Response> {
  const form = new URLSearchParams({
    token: FAKE_MATTERMOST_COMMAND_TOKEN,
    team_id: 'team1',
    channel_id: w.channelId,
    user_id: w.alice.id,
    user_name: w.alice.username,
    command: '/sekoia',
    ...fields,
  });
  return fetch(`${w.bot.url}/mattermost/command`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
}

async function startRecorder() {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    response.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
