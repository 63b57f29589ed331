import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Env, loadConfig } from '../../../src/config/load-config.ts';
import type { CheckOutcome, DoctorContext } from '../../../src/doctor/doctor-check.ts';
import { BotError } from '../../../src/errors.ts';
import { mattermostPlatform } from '../../../src/platforms/mattermost/mattermost-platform.ts';
import type { ChannelRef } from '../../../src/rules/rule.ts';
import {
  FAKE_MATTERMOST_COMMAND_TOKEN,
  FAKE_MATTERMOST_TEAM_ID,
  type FakeMattermost,
  startFakeMattermost,
} from '../../fakes/fake-mattermost/index.ts';

const PUBLIC_URL = 'https://sekoia-bot.example.test';
const COMMAND_URL = `${PUBLIC_URL}/mattermost/command`;

let fake: FakeMattermost;

beforeEach(async () => {
  fake = await startFakeMattermost({ commandUrl: COMMAND_URL });
  // A bot that may read the slash commands of its teams, as a system admin's would.
  fake.grantBotTeamPermissions('manage_own_slash_commands', 'manage_others_slash_commands');
});

afterEach(async () => {
  await fake.close();
});

interface RunOptions {
  env?: Env;
  /** The doctor's per-request deadline; default 2 s. */
  deadlineMs?: number;
  channels?: readonly ChannelRef[] | Error;
}

/** Runs every Mattermost check against the fake, as `npm run doctor` would, keyed by check id. */
async function runChecks(options: RunOptions = {}): Promise<Record<string, CheckOutcome>> {
  const config = loadConfig({
    MATTERMOST_URL: fake.url,
    MATTERMOST_BOT_TOKEN: fake.botToken,
    MATTERMOST_COMMAND_TOKENS: FAKE_MATTERMOST_COMMAND_TOKEN,
    PUBLIC_URL,
    STORE_URL: 'sqlite://:memory:',
    ...options.env,
  });
  const channels = options.channels ?? [];
  const context: DoctorContext = {
    config,
    fetch: (url, init) => fetch(url, { ...init, signal: AbortSignal.timeout(options.deadlineMs ?? 2_000) }),
    ruleChannels: (platform) =>
      channels instanceof Error
        ? Promise.reject(channels)
        : Promise.resolve(channels.filter((channel) => channel.platform === platform)),
  };
  const checks = mattermostPlatform.doctorChecks?.(config) ?? [];
  const outcomes: Record<string, CheckOutcome> = {};
  for (const check of checks) outcomes[check.id] = await check.run(context);
  return outcomes;
}

const ref = (channel: string): ChannelRef => ({
  platform: 'mattermost',
  team: FAKE_MATTERMOST_TEAM_ID,
  channel,
});

describe('the Mattermost doctor checks', () => {
  it('lists six checks under Mattermost', () => {
    const checks = mattermostPlatform.doctorChecks?.(loadConfig({})) ?? [];
    expect(checks.map((check) => check.id)).toEqual([
      'mattermost.account',
      'mattermost.teams',
      'mattermost.channels',
      'mattermost.command-tokens',
      'mattermost.command-url',
      'mattermost.server-settings',
    ]);
    expect(new Set(checks.map((check) => check.group))).toEqual(new Set(['Mattermost']));
  });

  it('passes every check when everything is set up', async () => {
    const soc = fake.addChannel({ name: 'soc-alerts' });
    const outcomes = await runChecks({ channels: [ref(soc.id)] });
    expect(Object.values(outcomes).map((outcome) => outcome.state)).toEqual([
      'ok',
      'ok',
      'ok',
      'ok',
      'ok',
      'ok',
    ]);
    expect(outcomes['mattermost.account']?.detail).toContain('@sekoia, a bot account');
    expect(outcomes['mattermost.teams']?.detail).toContain(FAKE_MATTERMOST_TEAM_ID);
    expect(outcomes['mattermost.channels']?.detail).toContain('1 channel');
    expect(outcomes['mattermost.command-url']?.detail).toBe(
      `/sekoia in ${FAKE_MATTERMOST_TEAM_ID} sends to ${COMMAND_URL}`,
    );
  });

  it('never prints a token', async () => {
    fake.addSlashCommand({ url: COMMAND_URL, trigger: 'sekoia2', token: 'otherteamtoken012345678901' });
    const outcomes = await runChecks({ env: { MATTERMOST_COMMAND_TOKENS: 'staletoken0123456789012345' } });
    const text = JSON.stringify(outcomes);
    for (const token of [
      fake.botToken,
      FAKE_MATTERMOST_COMMAND_TOKEN,
      'otherteamtoken012345678901',
      'staletoken0123456789012345',
    ])
      expect(text).not.toContain(token.slice(0, 5));
  });

  it('says when no channel has a rule yet', async () => {
    const outcomes = await runChecks({ channels: [] });
    expect(outcomes['mattermost.channels']).toEqual({ state: 'ok', detail: 'no channel has a rule yet' });
  });

  it('fails on a revoked or wrong token, pointing at a new token and personal access tokens', async () => {
    const outcomes = await runChecks({ env: { MATTERMOST_BOT_TOKEN: 'revokedtoken01234567890123' } });
    const account = outcomes['mattermost.account'];
    expect(account?.state).toBe('fail');
    expect(account?.detail).toContain('401');
    expect(account?.fix).toContain('Create New Token');
    expect(account?.fix).toContain('Enable Personal Access Tokens');
    // The checks that need the token say so instead of failing again.
    expect(outcomes['mattermost.teams']?.state).toBe('skip');
    expect(outcomes['mattermost.channels']?.state).toBe('skip');
    expect(outcomes['mattermost.command-url']?.state).toBe('skip');
  });

  it('fails when MATTERMOST_URL cannot be reached (a closed port)', async () => {
    const closed = fake.url;
    await fake.close();
    fake = await startFakeMattermost();
    const outcomes = await runChecks({ env: { MATTERMOST_URL: closed } });
    expect(outcomes['mattermost.account']?.state).toBe('fail');
    expect(outcomes['mattermost.account']?.detail).toContain('could not be reached: ECONNREFUSED');
    expect(outcomes['mattermost.account']?.fix).toContain('MATTERMOST_URL');
  });

  it('fails when MATTERMOST_URL is not Mattermost (an HTML page, a 404)', async () => {
    const site = createServer((_request, response) => {
      response.writeHead(404, { 'Content-Type': 'text/html' });
      response.end('<html><body>Not found</body></html>');
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
      const outcomes = await runChecks({ env: { MATTERMOST_URL: url } });
      expect(outcomes['mattermost.account']?.state).toBe('fail');
      expect(outcomes['mattermost.account']?.detail).toContain(
        "answered 404 (text/html): not Mattermost's API",
      );
      expect(outcomes['mattermost.account']?.fix).toContain('Site URL');
    } finally {
      await closeServer(site);
    }
  });

  it('fails when MATTERMOST_URL has a path Mattermost does not serve (its JSON 404)', async () => {
    const outcomes = await runChecks({ env: { MATTERMOST_URL: `${fake.url}/chat` } });
    expect(outcomes['mattermost.account']?.state).toBe('fail');
    expect(outcomes['mattermost.account']?.detail).toContain('404');
  });

  it('fails when MATTERMOST_URL answers too late for the deadline', async () => {
    const silent = createServer(() => {
      // Never answers: the doctor's deadline ends the request.
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
      const outcomes = await runChecks({ env: { MATTERMOST_URL: url }, deadlineMs: 200 });
      expect(outcomes['mattermost.account']?.state).toBe('fail');
      expect(outcomes['mattermost.account']?.detail).toContain('no answer before the deadline');
    } finally {
      silent.closeAllConnections();
      await closeServer(silent);
    }
  });

  it('fails when MATTERMOST_URL answers JSON that is not a Mattermost user', async () => {
    const other = createServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end('{"hello":"world"}');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
      const outcomes = await runChecks({ env: { MATTERMOST_URL: url } });
      expect(outcomes['mattermost.account']?.state).toBe('fail');
      expect(outcomes['mattermost.account']?.detail).toContain("not Mattermost's API");
      expect(outcomes['mattermost.account']?.fix).toContain('Set MATTERMOST_URL');
    } finally {
      await closeServer(other);
    }
  });

  it("passes a person's token with a note that a bot account is better", async () => {
    await fake.close();
    fake = await startFakeMattermost({ botIsBot: false, botUsername: 'alice', commandUrl: COMMAND_URL });
    const outcomes = await runChecks();
    expect(outcomes['mattermost.account']?.state).toBe('ok');
    expect(outcomes['mattermost.account']?.detail).toContain('@alice on');
    expect(outcomes['mattermost.account']?.detail).toContain('not a bot');
  });

  it('fails when the bot is in no team, saying how to add it', async () => {
    fake.setBotTeamMember(FAKE_MATTERMOST_TEAM_ID, false);
    const outcomes = await runChecks();
    expect(outcomes['mattermost.teams']?.state).toBe('fail');
    expect(outcomes['mattermost.teams']?.detail).toBe('@sekoia is in no team: it can post in no channel');
    expect(outcomes['mattermost.teams']?.fix).toContain('Teams > (team) > Add Members');
    expect(outcomes['mattermost.command-url']?.state).toBe('skip');
  });

  it("fails when the bot is missing from a rule's channel, naming it and the /invite to type", async () => {
    const soc = fake.addChannel({ name: 'soc-alerts' });
    const ops = fake.addChannel({ name: 'ops', botMember: false });
    const secret = fake.addChannel({ name: 'secret', type: 'P', botMember: false });
    const outcomes = await runChecks({ channels: [ref(soc.id), ref(ops.id), ref(secret.id), ref(ops.id)] });
    const channels = outcomes['mattermost.channels'];
    expect(channels?.state).toBe('fail');
    expect(channels?.detail).toContain('2 of 3 channel(s)');
    expect(channels?.detail).toContain('~ops');
    expect(channels?.detail).toContain(`channel ${secret.id} (private)`);
    expect(channels?.detail).not.toContain('soc-alerts');
    expect(channels?.fix).toContain('/invite @sekoia in ~ops');
  });

  it('skips the channel check, naming the store, when the rules cannot be read', async () => {
    const outcomes = await runChecks({
      channels: new BotError('store_unavailable', { message: 'down' }),
    });
    expect(outcomes['mattermost.channels']?.state).toBe('skip');
    expect(outcomes['mattermost.channels']?.detail).toContain('sqlite://');
    expect(outcomes['mattermost.channels']?.detail).toContain('store_unavailable');
  });

  it('fails when MATTERMOST_COMMAND_TOKENS is empty', async () => {
    const outcomes = await runChecks({ env: { MATTERMOST_COMMAND_TOKENS: '' } });
    const tokens = outcomes['mattermost.command-tokens'];
    expect(tokens?.state).toBe('fail');
    expect(tokens?.detail).toContain('refused (401)');
    expect(tokens?.fix).toContain('Integrations > Slash Commands');
    expect(tokens?.fix).toContain('MATTERMOST_COMMAND_TOKENS');
  });

  it("fails when the command's Request URL is not PUBLIC_URL's command route", async () => {
    const [command] = fake.slashCommands(FAKE_MATTERMOST_TEAM_ID);
    fake.updateSlashCommand(command?.id ?? '', { url: 'https://old-bot.example.test/mattermost/command' });
    const outcomes = await runChecks();
    const url = outcomes['mattermost.command-url'];
    expect(url?.state).toBe('fail');
    expect(url?.detail).toContain('sends to https://old-bot.example.test/mattermost/command');
    expect(url?.fix).toContain(`Request URL ${COMMAND_URL}`);
  });

  it("accepts PUBLIC_URL written with a trailing slash and the host's case", async () => {
    const outcomes = await runChecks({ env: { PUBLIC_URL: 'https://Sekoia-Bot.example.test/' } });
    expect(outcomes['mattermost.command-url']?.state).toBe('ok');
  });

  it('fails when a command sending to us has a token the bot would refuse', async () => {
    const [command] = fake.slashCommands(FAKE_MATTERMOST_TEAM_ID);
    fake.updateSlashCommand(command?.id ?? '', { token: 'regeneratedtoken0123456789' });
    const outcomes = await runChecks();
    const url = outcomes['mattermost.command-url'];
    expect(url?.state).toBe('fail');
    expect(url?.detail).toContain('(rege…) that is not in MATTERMOST_COMMAND_TOKENS');
    expect(url?.fix).toContain('to MATTERMOST_COMMAND_TOKENS');
  });

  it('notes a listed token that matches no command, without failing', async () => {
    const stale = 'staletoken0123456789012345';
    const outcomes = await runChecks({
      env: { MATTERMOST_COMMAND_TOKENS: `${FAKE_MATTERMOST_COMMAND_TOKEN},${stale}` },
    });
    expect(outcomes['mattermost.command-url']?.state).toBe('ok');
    expect(outcomes['mattermost.command-url']?.detail).toContain('(stal…) match no listed command');
  });

  it('skips with the way to check by hand when the bot may not list slash commands', async () => {
    await fake.close();
    fake = await startFakeMattermost({ commandUrl: 'https://elsewhere.example.test/x' });
    const outcomes = await runChecks();
    const url = outcomes['mattermost.command-url'];
    expect(url?.state).toBe('skip');
    expect(url?.detail).toContain('manage_own_slash_commands');
    expect(url?.fix).toContain('Integrations > Slash Commands');
    expect(url?.fix).toContain(COMMAND_URL);
  });

  it("skips when the bot sees only its own commands and /sekoia is someone else's", async () => {
    await fake.close();
    fake = await startFakeMattermost({ commandUrl: 'https://elsewhere.example.test/x' });
    fake.grantBotTeamPermissions('manage_own_slash_commands');
    const outcomes = await runChecks();
    const url = outcomes['mattermost.command-url'];
    expect(url?.state).toBe('skip');
    expect(url?.detail).toContain('sees only its own');
    expect(url?.fix).toContain(COMMAND_URL);
  });

  it('fails when custom slash commands are disabled on the server, once', async () => {
    fake.setEnableCommands(false);
    const outcomes = await runChecks();
    expect(outcomes['mattermost.server-settings']?.state).toBe('fail');
    expect(outcomes['mattermost.server-settings']?.detail).toContain('custom slash commands are disabled');
    expect(outcomes['mattermost.server-settings']?.fix).toContain('Enable Custom Slash Commands: true');
    expect(outcomes['mattermost.command-url']?.state).toBe('skip');
    expect(outcomes['mattermost.command-url']?.detail).toContain('see Server settings');
  });

  it('fails when the Site URL is empty', async () => {
    fake.setSiteUrl('');
    const outcomes = await runChecks();
    expect(outcomes['mattermost.server-settings']?.state).toBe('fail');
    expect(outcomes['mattermost.server-settings']?.detail).toContain('the Site URL is empty');
    expect(outcomes['mattermost.server-settings']?.fix).toContain('Environment > Web Server > Site URL');
  });
});

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}
