import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const importsOf = (path: string) =>
  [...readFileSync(path, 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1] ?? '');

describe('import boundaries (style: ports in the core, SDKs at the edge)', () => {
  const files = sourceFiles(SRC).map((path) => ({ path: relative(SRC, path), imports: importsOf(path) }));

  it('keeps botbuilder and the Bot Framework connector inside src/platforms/teams/ (its successor replaces that folder alone)', () => {
    const outside = files.filter(
      (file) =>
        !file.path.startsWith('platforms/teams/') &&
        file.imports.some((i) => /^(botbuilder|botframework-)/.test(i)),
    );
    expect(outside.map((file) => file.path)).toEqual([]);
  });

  it('keeps @mattermost/client inside src/platforms/mattermost/', () => {
    const outside = files.filter(
      (file) =>
        !file.path.startsWith('platforms/mattermost/') &&
        file.imports.some((i) => i.startsWith('@mattermost/')),
    );
    expect(outside.map((file) => file.path)).toEqual([]);
  });

  it('keeps the core folders free of restify, keyv, node-cron and the chat SDKs', () => {
    const core = ['normalize/', 'rules/', 'delivery/', 'commands/', 'actions/'];
    const banned = /^(restify|keyv|@keyv\/|node-cron|botbuilder|botframework-|@mattermost\/)/;
    const offenders = files.filter(
      (file) =>
        core.some((folder) => file.path.startsWith(folder)) && file.imports.some((i) => banned.test(i)),
    );
    expect(offenders.map((file) => file.path)).toEqual([]);
  });

  it('keeps the platform folders independent of each other', () => {
    const crossing = files.filter(
      (file) =>
        (file.path.startsWith('platforms/teams/') && file.imports.some((i) => i.includes('/mattermost/'))) ||
        (file.path.startsWith('platforms/mattermost/') && file.imports.some((i) => i.includes('/teams/'))),
    );
    expect(crossing.map((file) => file.path)).toEqual([]);
  });

  it('keeps src/platforms/shared/ free of either platform and its SDK', () => {
    const banned = /(\/mattermost\/|\/teams\/|^botbuilder|^botframework-|^@mattermost\/)/;
    const offenders = files.filter(
      (file) => file.path.startsWith('platforms/shared/') && file.imports.some((i) => banned.test(i)),
    );
    expect(offenders.map((file) => file.path)).toEqual([]);
  });

  it('keeps the core folders from importing platforms (they declare ports instead)', () => {
    const core = ['normalize/', 'rules/', 'delivery/', 'commands/', 'actions/'];
    const offenders = files.filter(
      (file) =>
        core.some((folder) => file.path.startsWith(folder)) &&
        file.imports.some((i) => i.includes('/platforms/')),
    );
    expect(offenders.map((file) => file.path)).toEqual([]);
  });
});
