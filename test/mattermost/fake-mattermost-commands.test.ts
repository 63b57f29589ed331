import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  FAKE_MATTERMOST_COMMAND_TOKEN,
  FAKE_MATTERMOST_TEAM_ID,
  type FakeMattermost,
  startFakeMattermost,
} from '../fakes/fake-mattermost/index.ts';

let fake: FakeMattermost;

beforeEach(async () => {
  fake = await startFakeMattermost({ commandUrl: 'https://bot.example.test/mattermost/command' });
});

afterEach(async () => {
  await fake.close();
});

const get = async (path: string) => {
  const response = await fetch(`${fake.url}/api/v4/${path}`, {
    headers: { Authorization: `Bearer ${fake.botToken}` },
  });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>[] & { id?: string },
  };
};

const customOnly = `commands?team_id=${FAKE_MATTERMOST_TEAM_ID}&custom_only=true`;

// As server/channels/api4/command.go listCommands and server/channels/app/command.go answer.
describe('fake Mattermost: GET /commands', () => {
  it('needs team_id, and view_team', async () => {
    expect((await get('commands')).status).toBe(400);
    fake.setBotTeamMember(FAKE_MATTERMOST_TEAM_ID, false);
    expect((await get(customOnly)).status).toBe(403);
  });

  it('refuses custom_only without manage_own_slash_commands, the default for a bot', async () => {
    const answer = await get(customOnly);
    expect(answer.status).toBe(403);
    expect(answer.body.id).toBe('api.context.permissions.app_error');
  });

  it("lists only the bot's own commands without manage_others_slash_commands, in full", async () => {
    fake.grantBotTeamPermissions('manage_own_slash_commands');
    expect((await get(customOnly)).body).toEqual([]);
    fake.addSlashCommand({ trigger: 'mine', url: 'https://x.example.test/', creatorId: fake.botUserId });
    expect((await get(customOnly)).body.map((command) => command.trigger)).toEqual(['mine']);
    fake.grantBotTeamPermissions('manage_others_slash_commands');
    const all = (await get(customOnly)).body;
    expect(all.map((command) => command.trigger)).toEqual(['sekoia', 'mine']);
    expect(all[0]).toMatchObject({
      token: FAKE_MATTERMOST_COMMAND_TOKEN,
      url: 'https://bot.example.test/mattermost/command',
      method: 'P',
    });
  });

  it('answers the autocomplete list, sanitized, without custom_only', async () => {
    const answer = await get(`commands?team_id=${FAKE_MATTERMOST_TEAM_ID}`);
    expect(answer.status).toBe(200);
    const sekoia = answer.body.find((command) => command.trigger === 'sekoia');
    expect(sekoia).toMatchObject({ token: '', url: '', method: '', creator_id: '' });
    expect(answer.body.some((command) => command.trigger === 'invite')).toBe(true);
  });

  it('answers 501 to custom_only while custom slash commands are disabled', async () => {
    fake.grantBotTeamPermissions('manage_own_slash_commands');
    fake.setEnableCommands(false);
    const answer = await get(customOnly);
    expect(answer.status).toBe(501);
    expect(answer.body.id).toBe('api.command.disabled.app_error');
  });

  it('runs /sekoia with the token stored on the command, the regenerated one after an edit', async () => {
    const tokens: string[] = [];
    const bot = createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(Buffer.from(chunk as Uint8Array));
      tokens.push(new URLSearchParams(Buffer.concat(chunks).toString('utf8')).get('token') ?? '');
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end('{"text":"ok"}');
    });
    await new Promise<void>((resolve) => bot.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(bot.address() as AddressInfo).port}/mattermost/command`;
      const alice = fake.addUser({ username: 'alice' });
      const soc = fake.addChannel({ name: 'soc', members: [alice.id] });
      const run = () => fake.sendSlashCommand({ url, channelId: soc.id, userId: alice.id, text: 'help' });
      await run();
      const [command] = fake.slashCommands(FAKE_MATTERMOST_TEAM_ID);
      fake.updateSlashCommand(command?.id ?? '', { token: 'regeneratedtoken0123456789' });
      await run();
      expect(tokens).toEqual([FAKE_MATTERMOST_COMMAND_TOKEN, 'regeneratedtoken0123456789']);
    } finally {
      await new Promise<void>((resolve) => bot.close(() => resolve()));
    }
  });
});

describe('fake Mattermost: GET /users/me/teams', () => {
  it("answers the bot's teams, none once it is removed", async () => {
    expect((await get('users/me/teams')).body.map((team) => team.id)).toEqual([FAKE_MATTERMOST_TEAM_ID]);
    fake.setBotTeamMember(FAKE_MATTERMOST_TEAM_ID, false);
    expect(await get('users/me/teams')).toEqual({ status: 200, body: [] });
  });

  it("refuses another user's teams without manage_system", async () => {
    const alice = fake.addUser({ username: 'alice' });
    expect((await get(`users/${alice.id}/teams`)).status).toBe(403);
  });
});

describe('fake Mattermost: what the bot may read about its server and teams', () => {
  it('shows EnableCommands in the client config only with a session', async () => {
    const anonymous = await fetch(`${fake.url}/api/v4/config/client?format=old`);
    expect(await anonymous.json()).not.toHaveProperty('EnableCommands');
    fake.setEnableCommands(false);
    const signedIn = await get('config/client?format=old');
    expect(signedIn.body).toHaveProperty('EnableCommands', 'false');
  });

  it('reads a public channel only while in its team', async () => {
    const lobby = fake.addChannel({ name: 'lobby', botMember: false });
    expect((await get(`channels/${lobby.id}`)).status).toBe(200);
    fake.setBotTeamMember(FAKE_MATTERMOST_TEAM_ID, false);
    expect((await get(`channels/${lobby.id}`)).status).toBe(403);
  });
});
