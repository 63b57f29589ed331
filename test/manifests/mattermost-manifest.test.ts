import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCommands } from '../../src/commands/create-commands.ts';

const MANIFEST = new URL('../../manifests/mattermost/slash-command.json', import.meta.url);

/** The fields of a custom slash command that `POST /api/v4/commands` takes (reference §2.1). */
const COMMAND_FIELDS = [
  'team_id',
  'trigger',
  'method',
  'url',
  'username',
  'icon_url',
  'auto_complete',
  'auto_complete_desc',
  'auto_complete_hint',
  'display_name',
  'description',
];

interface SlashCommand {
  team_id: string;
  trigger: string;
  method: string;
  url: string;
  username?: string;
  icon_url?: string;
  auto_complete: boolean;
  auto_complete_desc: string;
  auto_complete_hint: string;
  display_name: string;
  description: string;
}

const command = JSON.parse(readFileSync(MANIFEST, 'utf8')) as SlashCommand;

/** The server checks lengths with Go's `len`, which counts bytes. */
const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

describe('manifests/mattermost/slash-command.json', () => {
  it('holds only slash-command fields, with no token or id of its own', () => {
    for (const key of Object.keys(command)) expect(COMMAND_FIELDS).toContain(key);
    expect(typeof command.team_id).toBe('string');
    expect(command.auto_complete).toBe(true);
  });

  it('has a trigger the server accepts: 1–128 characters, lower-case, no spaces, no leading slash', () => {
    expect(bytes(command.trigger)).toBeGreaterThanOrEqual(1);
    expect(bytes(command.trigger)).toBeLessThanOrEqual(128);
    expect(command.trigger).toBe(command.trigger.toLowerCase());
    expect(command.trigger).not.toMatch(/\s/);
    expect(command.trigger.startsWith('/')).toBe(false);
    expect(command.trigger).toBe('sekoia');
  });

  it('is sent by POST or GET, the two methods the bot serves', () => {
    expect(['P', 'G']).toContain(command.method);
  });

  it('points at the bot’s slash-command route under PUBLIC_URL', () => {
    expect(bytes(command.url)).toBeLessThanOrEqual(1024);
    const filled = new URL(command.url.replace('<PUBLIC_URL>', 'https://bot.example.com'));
    expect(['http:', 'https:']).toContain(filled.protocol);
    expect(filled.pathname.endsWith('/mattermost/command')).toBe(true);
  });

  it('keeps the UI texts within the server limits', () => {
    expect(bytes(command.display_name)).toBeGreaterThan(0);
    expect(bytes(command.display_name)).toBeLessThanOrEqual(64);
    expect(bytes(command.description)).toBeLessThanOrEqual(128);
    // No server limit applies to the autocomplete texts; they stay one short line.
    expect(bytes(command.auto_complete_desc)).toBeLessThanOrEqual(128);
    expect(command.auto_complete_desc).not.toMatch(/\n/);
  });

  it('leaves username and icon overrides off (the bot account posts the cards)', () => {
    expect(command.username ?? '').toBe('');
    expect(command.icon_url ?? '').toBe('');
  });

  it('lists in its autocomplete hint exactly the commands of the registry, in help order', () => {
    const names = createCommands()
      .list()
      .map((entry) => entry.name);
    expect(names.length).toBeGreaterThan(0);
    const listed = /^\[([^\]]+)\]$/.exec(command.auto_complete_hint)?.[1]?.split('|');
    expect(listed).toEqual(names);
  });
});
