import type { GroupDirectory } from '../../src/access/group-directory.ts';
import { BotError } from '../../src/errors.ts';
import { suggestWord } from '../../src/rules/suggest-word.ts';

/** Named groups in memory, for tests of the core: group name → member user ids. */
export interface MemoryGroupDirectory extends GroupDirectory {
  groups: Map<string, Set<string>>;
  /** When set, every call fails as a server without groups does (BotError groups_unavailable). */
  unavailable: string | undefined;
  /** How many times a user's groups were asked for. */
  reads: number;
}

export function createMemoryGroupDirectory(groups: Record<string, string[]> = {}): MemoryGroupDirectory {
  const directory: MemoryGroupDirectory = {
    groups: new Map(Object.entries(groups).map(([name, members]) => [name, new Set(members)])),
    unavailable: undefined,
    reads: 0,
    async readUserGroups(userId) {
      directory.reads++;
      check();
      return [...directory.groups].filter(([, members]) => members.has(userId)).map(([name]) => name);
    },
    async findMissingGroups(names) {
      check();
      const known = [...directory.groups.keys()];
      return names
        .filter((name) => !directory.groups.has(name))
        .map((name) => ({ name, suggestion: suggestWord(name, known) }));
    },
  };
  const check = () => {
    if (directory.unavailable !== undefined)
      throw new BotError('groups_unavailable', { message: directory.unavailable, retryable: false });
  };
  return directory;
}
