import type { Command } from './command.ts';

export interface CommandRegistry {
  /** Case-insensitive. */
  get(name: string): Command | undefined;
  list(): readonly Command[];
}

export function createCommandRegistry(commands: readonly Command[]): CommandRegistry {
  const byName = new Map(commands.map((command) => [command.name, command]));
  if (byName.size !== commands.length) throw new TypeError('two commands share a name');
  return {
    get: (name) => byName.get(name.toLowerCase()),
    list: () => commands,
  };
}
