/**
 * `npm run teams:package [-- --out <dir>]`: the Teams app package, `<dir>/sekoia-chatops-teams.zip`
 * (default `dist/`), with manifest.json, color.png and outline.png at its root (reference teams.md
 * §7.4). The manifest's `id` and `bots[0].botId` become `MicrosoftAppId` (environment, then `.env`),
 * its `version` becomes `TEAMS_APP_VERSION` when set; the result is checked offline against its
 * JSON schema before anything is written. Exits 1 with every problem listed.
 */

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppManifestUtils, type TeamsManifest } from '@microsoft/app-manifest';
import type { Env } from '../src/config/load-config.ts';
import { withEnvFile } from '../src/config/read-env-file.ts';
import { writeZip } from './write-zip.ts';

const ROOT = join(import.meta.dirname, '..');
const SOURCE = join(ROOT, 'manifests', 'teams');
const ZIP_NAME = 'sekoia-chatops-teams.zip';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The committed template's stand-in for the app id. */
const PLACEHOLDER = '00000000-0000-0000-0000-000000000000';
/** Teams wants MAJOR.MINOR.PATCH. */
const VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/** The fields this script reads or fills; the schema check covers the rest. */
type Manifest = Record<string, unknown> & {
  id: string;
  version: string;
  icons: { color: string; outline: string };
  bots: (Record<string, unknown> & { botId: string })[];
};

interface Settings {
  appId: string;
  version: string | undefined;
}

type Read = { ok: true; settings: Settings } | { ok: false; problems: string[] };

/** Values are not quoted in the messages: the operator knows what they set. */
function readSettings(env: Env): Read {
  const appId = env.MicrosoftAppId?.trim() ?? '';
  const version = env.TEAMS_APP_VERSION?.trim() || undefined;
  const problems: string[] = [];
  if (appId === '') {
    problems.push('MicrosoftAppId: not set (the Azure Bot’s Microsoft App ID)');
  } else if (!GUID.test(appId)) {
    problems.push('MicrosoftAppId: not a GUID such as 8f0c2a4e-1b2c-4d3e-9f80-123456789abc');
  } else if (appId === PLACEHOLDER) {
    problems.push('MicrosoftAppId: the all-zero placeholder, not a real App ID');
  }
  if (version !== undefined && !VERSION.test(version)) {
    problems.push('TEAMS_APP_VERSION: not a MAJOR.MINOR.PATCH version such as 1.0.1');
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, settings: { appId, version } };
}

function fillManifest(template: Manifest, { appId, version }: Settings): Manifest {
  return {
    ...template,
    id: appId,
    version: version ?? template.version,
    bots: template.bots.map((bot) => ({ ...bot, botId: appId })),
  };
}

function fail(heading: string, problems: readonly string[]): never {
  process.stderr.write(`${heading}\n  - ${problems.join('\n  - ')}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const read = readSettings(withEnvFile(process.env, '.env'));
  if (!read.ok) fail('Cannot package the Teams app:', read.problems);
  const { settings } = read;

  const template = JSON.parse(readFileSync(join(SOURCE, 'manifest.json'), 'utf8')) as Manifest;
  const manifest = fillManifest(template, settings);
  // The schema check below is what makes it a TeamsManifest.
  const schemaProblems = await AppManifestUtils.validateAgainstSchema(manifest as unknown as TeamsManifest);
  if (schemaProblems.length > 0) fail('The Teams manifest does not match its schema:', schemaProblems);

  const zip = writeZip([
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) },
    ...[manifest.icons.color, manifest.icons.outline].map((name) => ({
      name,
      data: readFileSync(join(SOURCE, name)),
    })),
  ]);
  const out = resolve(values.out ?? join(ROOT, 'dist'));
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, ZIP_NAME), zip);
  process.stdout.write(
    `Wrote ${join(out, ZIP_NAME)} (app ${settings.appId}, version ${manifest.version}).\n` +
      'Upload it in the Teams admin center or with "Upload a custom app"; see manifests/teams/README.md.\n',
  );
}

await main();
