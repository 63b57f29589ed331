import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FAKE_MATTERMOST_COMMAND_TOKEN } from '../fakes/fake-mattermost/index.ts';
import { postJson } from './start-bot.ts';
import { type MattermostWorld, startMattermostWorld } from './start-mattermost-world.ts';

/** Spec §8 / "every input is hostile": a bad request gets a clear error, changes nothing, crashes nothing. */
describe('hostile requests to the platform routes', () => {
  let world: MattermostWorld;

  beforeEach(async () => {
    world = await startMattermostWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  const form = (fields: Record<string, string>) =>
    fetch(`${world.bot.url}/mattermost/command`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });

  it('refuses malformed slash commands, clicks, dialogs and activities, and keeps serving', async () => {
    const statuses = [
      (await form({ token: FAKE_MATTERMOST_COMMAND_TOKEN, text: 'subscribe alert-raised' })).status,
      (
        await form({
          token: FAKE_MATTERMOST_COMMAND_TOKEN,
          team_id: 't',
          channel_id: '../../x',
          user_id: 'u',
          user_name: 'a',
          text: 'rules',
        })
      ).status,
      (await postJson(`${world.bot.url}/mattermost/command`, { token: FAKE_MATTERMOST_COMMAND_TOKEN }))
        .status,
      (await postJson(`${world.bot.url}/api/messages`, '{not json')).status,
      (await postJson(`${world.bot.url}/api/messages`, { text: 'no type' })).status,
      (await postJson(`${world.bot.url}/api/messages`, [1, 2, 3])).status,
    ];
    expect(statuses).toEqual([400, 400, 400, 400, 400, 400]);
    // Clicks and dialogs are answered 200 with the reason: Mattermost shows nothing else (issue 10 item 7).
    const click = await postJson(`${world.bot.url}/mattermost/actions`, '{not json');
    expect([click.status, await click.json()]).toEqual([
      200,
      { ephemeral_text: expect.stringMatching(/not valid/) },
    ]);
    const dialog = await postJson(`${world.bot.url}/mattermost/dialogs`, {
      state: 'x',
      user_id: 'u1',
      channel_id: 'c1',
    });
    expect([dialog.status, await dialog.json()]).toEqual([
      200,
      { error: expect.stringMatching(/not valid/) },
    ]);
    expect(await world.bot.app.rules.count()).toBe(0);
    expect(world.sekoia.requests.filter((r) => r.method !== 'GET')).toHaveLength(0);
    expect((await fetch(`${world.bot.url}/healthz`)).status).toBe(200);
    expect(await world.command('rules')).toMatch(/no rule|0 rules/i);
  });
});
