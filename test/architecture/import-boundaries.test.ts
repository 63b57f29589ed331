import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  COMPOSITION_ROOT,
  describeCycles,
  folderCycles,
  folderEdges,
  readSourceFiles,
} from './folder-import-graph.ts';

const SRC = join(import.meta.dirname, '..', '..', 'src');

/** The pure core: it declares ports, and platforms/ and storage/ implement them. */
const CORE = ['normalize/', 'triggers/', 'rules/', 'delivery/', 'commands/', 'actions/', 'queue/', 'access/'];

describe('import boundaries (style: ports in the core, SDKs at the edge)', () => {
  const files = readSourceFiles(SRC);

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
    const banned = /^(restify|keyv|@keyv\/|node-cron|botbuilder|botframework-|@mattermost\/)/;
    const offenders = files.filter(
      (file) =>
        CORE.some((folder) => file.path.startsWith(folder)) && file.imports.some((i) => banned.test(i)),
    );
    expect(offenders.map((file) => file.path)).toEqual([]);
  });

  it('keeps keyv inside src/storage/ and the composition root (scheduler, watchers, status and config see ports)', () => {
    const keyvAllowed = ['storage/', 'compose/', 'app.ts', 'main.ts'];
    const offenders = files.filter(
      (file) =>
        !keyvAllowed.some((allowed) => file.path.startsWith(allowed)) &&
        file.imports.some((i) => /^(keyv|@keyv\/)/.test(i)),
    );
    expect(offenders.map((file) => file.path)).toEqual([]);
    // The folders this rule was written for exist, so that a rename cannot make it vacuous.
    const covered = ['scheduler/', 'watchers/', 'config/'];
    expect(covered.filter((folder) => !files.some((file) => file.path.startsWith(folder)))).toEqual([]);
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
    const offenders = files.filter(
      (file) =>
        CORE.some((folder) => file.path.startsWith(folder)) &&
        file.imports.some((i) => i.includes('/platforms/')),
    );
    expect(offenders.map((file) => file.path)).toEqual([]);
  });

  it('keeps src/http/ free of restify, the SDKs and the other folders, so that any route or client can use it', () => {
    const banned = /^(restify|keyv|@keyv\/|node-cron|botbuilder|botframework-|@mattermost\/)/;
    const offenders = files.filter(
      (file) =>
        file.path.startsWith('http/') &&
        file.imports.some((i) => banned.test(i) || (i.startsWith('.') && !/^\.\.?\/[^/]+$/.test(i))),
    );
    expect(offenders.map((file) => file.path)).toEqual([]);
  });

  it('has no import loop between folders (type-only imports count)', () => {
    const edges = folderEdges(SRC, files);
    const cycles = folderCycles(edges);
    expect(cycles, describeCycles(edges, cycles)).toEqual([]);
  });

  it('lets nothing but the composition root import the composition root', () => {
    const edges = folderEdges(SRC, files).filter((edge) => edge.to === 'app' && edge.from !== 'app');
    expect(edges.flatMap((edge) => edge.via)).toEqual([]);
    // The list names real files, so that it cannot hide a file that moved.
    expect(COMPOSITION_ROOT.filter((path) => !files.some((file) => file.path === path))).toEqual([]);
  });
});
