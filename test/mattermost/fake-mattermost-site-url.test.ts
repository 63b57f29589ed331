import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  FAKE_MATTERMOST_BOT_TOKEN,
  type FakeChannel,
  type FakeMattermost,
  type FakeUser,
  startFakeMattermost,
} from '../fakes/fake-mattermost/index.ts';

/** A bot stand-in that answers every command with an empty ephemeral reply and records the forms. */
async function startRecordingBot() {
  const forms: URLSearchParams[] = [];
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(Buffer.from(chunk as Uint8Array));
    forms.push(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end('{"response_type":"ephemeral","text":"seen"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/mattermost/command`,
    forms,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let fake: FakeMattermost;
let bot: Awaited<ReturnType<typeof startRecordingBot>>;
let alice: FakeUser;
let soc: FakeChannel;

beforeEach(async () => {
  fake = await startFakeMattermost();
  bot = await startRecordingBot();
  alice = fake.addUser({ username: 'alice' });
  soc = fake.addChannel({ name: 'soc-alerts', members: [alice.id] });
});

afterEach(async () => {
  await fake.close();
  await bot.close();
});

const run = (text: string) =>
  fake.sendSlashCommand({ url: bot.url, channelId: soc.id, userId: alice.id, text });

const clientConfig = (query: string, token?: string) =>
  fetch(`${fake.url}/api/v4/config/client${query}`, {
    headers: token === undefined ? {} : { Authorization: `Bearer ${token}` },
  });

describe('Site URL and response_url', () => {
  it('builds response_url on the Site URL, by default another origin of the same server', async () => {
    expect(new URL(fake.siteUrl).hostname).toBe('localhost');
    expect(new URL(fake.siteUrl).origin).not.toBe(new URL(fake.url).origin);
    const result = await run('help');
    expect(result.responseUrl).toMatch(new RegExp(`^${fake.siteUrl}/hooks/commands/[a-z0-9]{26}$`));
    expect(bot.forms[0]?.get('response_url')).toBe(result.responseUrl);
    const late = await fetch(result.responseUrl, {
      method: 'POST',
      body: 'later',
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(late.status).toBe(200);
    expect(fake.ephemerals(alice.id).map((message) => message.text)).toEqual(['seen', 'later']);
  });

  it('joins the Site URL as configured, and follows a change of it', async () => {
    fake.setSiteUrl('https://chat.example.com/');
    expect((await run('help')).responseUrl).toMatch(/^https:\/\/chat\.example\.com\/\/hooks\/commands\/\w+$/);
    fake.setSiteUrl('https://chat.example.com/mattermost');
    expect((await run('help')).responseUrl).toMatch(
      /^https:\/\/chat\.example\.com\/mattermost\/hooks\/commands\//,
    );
  });

  it('runs no custom command while the Site URL is unset', async () => {
    fake.setSiteUrl('');
    const result = await run('help');
    expect(result).toMatchObject({ status: 0, error: expect.stringContaining('site_url_required') });
    expect(bot.forms).toEqual([]);
  });

  it('serves the client config with the Site URL, with or without a session', async () => {
    fake.setSiteUrl('https://chat.example.com/');
    for (const token of [undefined, FAKE_MATTERMOST_BOT_TOKEN, 'not-a-session']) {
      const response = await clientConfig('?format=old', token);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ SiteURL: 'https://chat.example.com' });
    }
    const noFormat = await clientConfig('');
    expect(noFormat.status).toBe(501);
    expect(await noFormat.json()).toMatchObject({ id: 'api.config.client.old_format.app_error' });
    expect((await clientConfig('?format=new')).status).toBe(400);
  });
});

describe('command line length', () => {
  it('sends a command line of 16,383 characters and refuses a longer one, as the message box does', async () => {
    const longest = 'x'.repeat(16_383 - '/sekoia '.length);
    expect((await run(longest)).status).toBe(200);
    expect(bot.forms[0]?.get('text')).toBe(longest);
    const refused = await run(`${longest}y`);
    expect(refused).toMatchObject({
      status: 0,
      error: 'Your message is too long. Character count: 16384/16383',
    });
    expect(bot.forms).toHaveLength(1);
  });
});
