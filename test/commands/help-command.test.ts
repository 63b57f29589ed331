import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCommands } from '../../src/commands/create-commands.ts';
import { TRIGGERS } from '../../src/rules/triggers.ts';
import { type Harness, onlyReply, startHarness } from './command-harness.ts';

describe('help', () => {
  let bot: Harness;
  beforeEach(async () => {
    bot = await startHarness();
  });
  afterEach(() => bot.close());

  it('lists every registered command with its usage and summary', async () => {
    const reply = onlyReply(await bot.run('help'));
    const commands = createCommands().list();
    expect(commands.map((c) => c.name)).toEqual([
      'help',
      'subscribe',
      'preview',
      'rules',
      'unsubscribe',
      'mute',
      'unmute',
      'remind',
      'status',
      'storm',
      'hours',
      'maintenance',
      'digest',
      'access',
      'link',
      'unlink',
    ]);
    expect(reply.lines).toEqual(commands.map((c) => `${c.usage} — ${c.summary}`));
  });

  it('explains a command with its examples, and subscribe with every trigger and its keys', async () => {
    const mute = onlyReply(await bot.run('help MUTE'));
    expect(mute.text).toBe(
      'mute <rule-id> <duration> [reason] — pauses a rule for up to 7 days (30m, 2h, 1d)',
    );
    expect(mute.code).toContain('mute r7k2 2h maintenance window');
    const subscribe = onlyReply(await bot.run('help subscribe'));
    for (const trigger of TRIGGERS)
      expect(subscribe.lines?.some((line) => line.startsWith(`${trigger}: `))).toBe(true);
    expect(subscribe.lines).toContain('intake-silent: intake="Firewall EU", for=2h');
  });

  it('gives examples that are themselves valid commands', async () => {
    for (const command of createCommands().list()) {
      for (const example of command.examples.filter((e) => e.startsWith('subscribe'))) {
        expect(onlyReply(await bot.run(example)).kind, example).toBe('success');
      }
    }
  });
});
