import { afterEach, describe, expect, it } from 'vitest';
import { type MattermostWorld, startMattermostWorld } from './start-mattermost-world.ts';

let world: MattermostWorld | undefined;

afterEach(async () => {
  await world?.close();
  world = undefined;
});

// The longest line Mattermost's message box sends is 16,383 characters, `/sekoia ` included (the fake
// refuses longer ones, see check-command-line.ts); the bot must answer it like any other command.
describe('long command text', () => {
  const line = (filler: string) => {
    const head = 'subscribe alert-raised --name ';
    return head + filler.repeat(16_383 - '/sekoia '.length - head.length);
  };

  it.each([
    ['ASCII', 'x'],
    ['three-byte characters', '€'],
  ])('answers a 16,383-character command line of %s with the usual ephemeral error', async (_, filler) => {
    const w = await startMattermostWorld();
    world = w;
    const text = line(filler);
    const result = await w.mattermost.sendSlashCommand({
      url: `${w.bot.url}/mattermost/command`,
      channelId: w.channelId,
      userId: w.alice.id,
      text,
    });
    expect(result.status).toBe(200);
    expect(result.error).toBeUndefined();
    expect(result.response?.response_type).toBe('ephemeral');
    expect(String(result.response?.text)).toContain(
      `the command is too long: ${text.length} characters, at most 2000`,
    );
    expect(w.mattermost.posts(w.channelId)).toEqual([]);
    expect(await w.command('rules')).toMatch(/no rule/i);
  });
});
