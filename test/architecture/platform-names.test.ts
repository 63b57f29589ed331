import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', '..', 'src');

/** The one file outside a platform's own folder that may name it: the list the composition root builds from. */
const PLATFORM_LIST = 'platforms/platform-list.ts';

/** The platforms of this build, each with the only folder that spells it. */
const PLATFORMS = ['mattermost', 'teams'];

/** Comments name platforms freely (references, examples); code must not. A `//` inside a URL is kept. */
function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[\s;,(){}[\]])\/\/.*$/gm, '$1');
}

/**
 * A platform spelled in code: a quoted literal that is its id (`'teams'`, `"Mattermost"`, as in
 * `z.enum([…])` or `'mattermost' | 'teams'`), or an object or type key named after it
 * (`{ mattermost: … }`, `teams?: …`). Identifiers that merely contain it (`MATTERMOST_URL`,
 * `createTeamsPlatform`) and import paths are not names of a platform as a value.
 */
function spellings(text: string, id: string): string[] {
  const code = stripComments(text);
  const literal = new RegExp(`(['"\`])${id}\\1`, 'gi');
  const key = new RegExp(`(?<![\\w.$])${id}\\s*\\??:`, 'gi');
  return [...code.matchAll(literal), ...code.matchAll(key)].map((match) => match[0]);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [relative(SRC, path).split(sep).join('/')] : [];
  });
}

describe('chat platforms are named only in their own folder and the platform list (issue 11)', () => {
  const files = sourceFiles(SRC);

  it.each(PLATFORMS)('spells %s only in its own folder, src/platforms/<id>/, and the platform list', (id) => {
    const offenders = files
      .filter((path) => path !== PLATFORM_LIST && !path.startsWith(`platforms/${id}/`))
      .flatMap((path) =>
        spellings(readFileSync(join(SRC, path), 'utf8'), id).map((found) => `${path}: ${found}`),
      );
    expect(offenders).toEqual([]);
  });

  it('checks real folders and a real list, so that a rename cannot make it vacuous', () => {
    const missing = [PLATFORM_LIST, ...PLATFORMS.map((id) => `platforms/${id}/`)].filter(
      (path) => !files.some((file) => file === path || file.startsWith(path)),
    );
    expect(missing).toEqual([]);
    expect(spellings('const x = { teams: 1 }; type P = \'mattermost\' | "Teams";', 'teams')).toHaveLength(2);
    expect(spellings('// teams: a comment\nconst MATTERMOST_URL = createTeamsPlatform;', 'teams')).toEqual(
      [],
    );
  });
});
