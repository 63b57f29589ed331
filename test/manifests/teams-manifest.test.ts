import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, inflateRawSync, inflateSync } from 'node:zlib';
import { AppManifestUtils, type TeamsManifest } from '@microsoft/app-manifest';
import { afterAll, describe, expect, it } from 'vitest';
import { createCommands } from '../../src/commands/create-commands.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const FOLDER = join(ROOT, 'manifests', 'teams');
const SCRIPT = join(ROOT, 'scripts', 'teams-package.ts');
const APP_ID = '11111111-2222-3333-4444-555555555555';
/**
 * A Teams command list holds at most 12 commands (manifest schema v1.25, `commandLists[].commands`
 * maxItems). The registry has more: the inverse commands are typed, not offered in the menu (help
 * lists them, and `mute` / `link` name them in their answers), and so is `preview`, which the menu
 * offers as `subscribe … --preview` (subscribe's examples show it).
 */
const MAX_LISTED_COMMANDS = 12;
// Set once per channel, like unlinking once per user: typed from help, not listed (Teams' limit).
const TYPED_NOT_LISTED: readonly string[] = ['preview', 'unmute', 'unlink', 'digest'];

interface Manifest {
  id: string;
  version: string;
  icons: { color: string; outline: string };
  supportsChannelFeatures?: string;
  bots: {
    botId: string;
    commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[];
  }[];
}

const text = readFileSync(join(FOLDER, 'manifest.json'), 'utf8');
const manifest = JSON.parse(text) as Manifest;

interface Png {
  width: number;
  height: number;
  colorType: number;
  /** Unfiltered rows, without their filter byte. */
  rows: Buffer[];
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [da, db, dc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return da <= db && da <= dc ? a : db <= dc ? b : c;
}

/** Undoes the per-row filters (PNG spec §9) of inflated image data. */
function unfilter(raw: Buffer, height: number, stride: number, channels: number): Buffer[] {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] ?? -1;
    const row = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    const up = rows[y - 1] ?? Buffer.alloc(stride);
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? (row[i - channels] ?? 0) : 0;
      const b = up[i] ?? 0;
      const c = i >= channels ? (up[i - channels] ?? 0) : 0;
      const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter];
      if (predictor === undefined) throw new Error(`row ${y}: unknown filter ${filter}`);
      row[i] = ((row[i] ?? 0) + predictor) & 0xff;
    }
    rows.push(row);
  }
  return rows;
}

/** Enough of a PNG reader for 8-bit, non-interlaced RGB(A) images. */
function readPng(file: Buffer): Png {
  expect(file.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(file.toString('latin1', 12, 16)).toBe('IHDR');
  const [width, height, colorType] = [file.readUInt32BE(16), file.readUInt32BE(20), file.readUInt8(25)];
  expect([file[24], file[28]]).toEqual([8, 0]); // bit depth 8, not interlaced
  expect([2, 6]).toContain(colorType);
  const data: Buffer[] = [];
  for (let at = 8; at < file.length; ) {
    const length = file.readUInt32BE(at);
    if (file.toString('latin1', at + 4, at + 8) === 'IDAT') data.push(file.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const channels = colorType === 6 ? 4 : 3;
  return {
    width,
    height,
    colorType,
    rows: unfilter(inflateSync(Buffer.concat(data)), height, width * channels, channels),
  };
}

/** Reads the central directory (APPNOTE §4.3.12) and inflates every entry, checking its CRC. */
function readZip(file: Buffer): Map<string, Buffer> {
  const end = file.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end).toBeGreaterThanOrEqual(0);
  const entries = new Map<string, Buffer>();
  let at = file.readUInt32LE(end + 16);
  for (let i = 0; i < file.readUInt16LE(end + 10); i++) {
    expect(file.readUInt32LE(at)).toBe(0x02014b50);
    const method = file.readUInt16LE(at + 10);
    const [crc, compressedSize, size] = [16, 20, 24].map((offset) => file.readUInt32LE(at + offset));
    const [nameLength = 0, extraLength = 0, commentLength = 0] = [28, 30, 32].map((offset) =>
      file.readUInt16LE(at + offset),
    );
    const name = file.toString('utf8', at + 46, at + 46 + nameLength);
    const local = file.readUInt32LE(at + 42);
    expect(file.readUInt32LE(local)).toBe(0x04034b50);
    const start = local + 30 + file.readUInt16LE(local + 26) + file.readUInt16LE(local + 28);
    const stored = file.subarray(start, start + (compressedSize ?? 0));
    const data = method === 8 ? inflateRawSync(stored) : stored;
    expect({ name, size: data.length, crc: crc32(data) }).toEqual({ name, size, crc });
    entries.set(name, data);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

interface Run {
  code: number | null;
  stderr: string;
}

/** Runs the package script outside the repository, so a developer's `.env` is not read. */
function runPackage(env: Record<string, string>, out: string): Promise<Run> {
  const { MicrosoftAppId: _id, TEAMS_APP_VERSION: _version, ...inherited } = process.env;
  const child = spawn(process.execPath, [SCRIPT, '--out', out], { cwd: out, env: { ...inherited, ...env } });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

const temporary: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'teams-package-'));
  temporary.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

describe('manifests/teams/manifest.json', () => {
  it('validates offline against the schema it names', async () => {
    expect(await AppManifestUtils.validateAgainstSchema(JSON.parse(text) as TeamsManifest)).toEqual([]);
  });

  it('declares private and shared channel support, which its schema version knows', async () => {
    // learn.microsoft.com/microsoftteams/platform/build-apps-for-shared-private-channels: without
    // `supportsChannelFeatures: tier1` the app is not offered in those channels.
    expect(manifest.supportsChannelFeatures).toBe('tier1');
    const unknownTier = { ...JSON.parse(text), supportsChannelFeatures: 'tier9' } as TeamsManifest;
    expect(await AppManifestUtils.validateAgainstSchema(unknownTier)).not.toEqual([]);
  });

  it('lists the commands of the registry, in help order, for every bot scope, within Teams’ limit', async () => {
    const listed = createCommands()
      .list()
      .filter((command) => !TYPED_NOT_LISTED.includes(command.name))
      .map((command) => ({ title: command.name, description: command.summary }));
    const [bot] = manifest.bots;
    expect(manifest.bots).toHaveLength(1);
    expect(bot?.commandLists).toHaveLength(1);
    expect(bot?.commandLists[0]?.commands).toEqual(listed);
    expect(bot?.commandLists[0]?.scopes).toEqual(['team', 'groupChat', 'personal']);
    // The limit is the schema's: one command more than it is refused.
    const tooMany = JSON.parse(text) as TeamsManifest & Manifest;
    const list = tooMany.bots[0]?.commandLists[0];
    if (list === undefined) throw new Error('no command list');
    list.commands = Array.from({ length: MAX_LISTED_COMMANDS + 1 }, (_, i) => ({
      title: `c${i}`,
      description: 'x',
    }));
    expect(await AppManifestUtils.validateAgainstSchema(tooMany)).not.toEqual([]);
    expect(listed.length).toBeLessThanOrEqual(MAX_LISTED_COMMANDS);
  });

  it('has an opaque 192×192 colour icon', () => {
    const png = readPng(readFileSync(join(FOLDER, manifest.icons.color)));
    expect([png.width, png.height]).toEqual([192, 192]);
    expect(png.colorType).toBe(2); // RGB: no alpha channel at all
  });

  it('has a 32×32 outline icon that is white on a transparent background', () => {
    const png = readPng(readFileSync(join(FOLDER, manifest.icons.outline)));
    expect([png.width, png.height, png.colorType]).toEqual([32, 32, 6]);
    const colours = new Set<string>();
    for (const row of png.rows) {
      for (let i = 0; i < row.length; i += 4) {
        const [r, g, b, alpha] = row.subarray(i, i + 4);
        colours.add(alpha === 0 ? 'transparent' : r === 255 && g === 255 && b === 255 ? 'white' : 'other');
      }
    }
    expect([...colours].sort()).toEqual(['transparent', 'white']);
    expect(png.rows[0]?.readUInt8(3)).toBe(0); // the corner is background
  });
});

describe('npm run teams:package', () => {
  it('packs manifest.json and both icons at the zip root, with MicrosoftAppId as the app and bot id', async () => {
    const out = tempDir();
    const run = await runPackage({ MicrosoftAppId: APP_ID, TEAMS_APP_VERSION: '1.2.3' }, out);
    expect(run).toEqual({ code: 0, stderr: '' });

    const entries = readZip(readFileSync(join(out, 'sekoia-chatops-teams.zip')));
    expect([...entries.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const packed = JSON.parse(entries.get('manifest.json')?.toString('utf8') ?? '') as Manifest;
    expect(packed).toEqual({
      ...manifest,
      id: APP_ID,
      version: '1.2.3',
      bots: [{ ...manifest.bots[0], botId: APP_ID }],
    });
    expect(entries.get('color.png')).toEqual(readFileSync(join(FOLDER, 'color.png')));
    expect(entries.get('outline.png')).toEqual(readFileSync(join(FOLDER, 'outline.png')));
  });

  it('refuses without MicrosoftAppId, or with one that is not a GUID, and writes nothing', async () => {
    for (const env of [{}, { MicrosoftAppId: 'my-bot' }]) {
      const out = tempDir();
      const run = await runPackage(env, out);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/MicrosoftAppId: not (set|a GUID)/);
      expect(() => readFileSync(join(out, 'sekoia-chatops-teams.zip'))).toThrow(/ENOENT/);
    }
  });
});
