import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BOT_PERMISSIONS, type FakeSekoia, startFakeSekoia } from '../fakes/fake-sekoia/index.ts';
import { freePort } from '../integration/start-bot.ts';

const SCRIPT = resolve(import.meta.dirname, '../../scripts/doctor.ts');
const run = promisify(execFile);

let fake: FakeSekoia;
beforeAll(async () => {
  fake = await startFakeSekoia();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.setPermissions(fake.apiKey, BOT_PERMISSIONS);
  fake.clearRequests();
});

/** `npm run doctor` in a directory of its own (no .env), with only the given environment. */
async function doctor(env: Record<string, string>, args: string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'doctor-cli-'));
  const base = {
    PATH: process.env.PATH ?? '',
    STORE_URL: `sqlite://${join(dir, 'store.sqlite')}`,
    PORT: String(await freePort()),
    SEKOIA_API_URL: fake.url,
    SEKOIA_APP_URL: fake.appUrl,
    SEKOIA_API_KEY: fake.apiKey,
  };
  try {
    const { stdout, stderr } = await run(process.execPath, [SCRIPT, ...args], {
      cwd: dir,
      env: { ...base, ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('npm run doctor', () => {
  it('exits 0 on a configuration that works, with the checklist on stdout', async () => {
    const { code, stdout } = await doctor({});
    expect(stdout).toMatch(/^Bot\n {2}✓ Configuration: valid/);
    expect(stdout).toContain('✓ Read alerts (SIC_READ_ALERTS): granted');
    expect(stdout).toMatch(/\d+ passed, 0 failed, \d+ skipped\n$/);
    expect(stdout).not.toContain(fake.apiKey);
    expect(stdout).not.toContain('\u001b[');
    expect(code).toBe(0);
  }, 60_000);

  it('exits 1 when a permission is missing, printing the fix', async () => {
    fake.setPermissions(
      fake.apiKey,
      BOT_PERMISSIONS.filter((held) => held !== 'SIC_WRITE_ALERTS_COMMENTS'),
    );
    const { code, stdout } = await doctor({});
    expect(stdout).toContain('✗ Comment on alerts (SIC_WRITE_ALERTS_COMMENTS): missing');
    expect(stdout).toContain(
      '      fix: Add SIC_WRITE_ALERTS_COMMENTS (or SIC_WRITE_ALERTS_COMMENT) to the key',
    );
    expect(stdout).toMatch(/\d+ passed, 1 failed, \d+ skipped\n$/);
    expect(code).toBe(1);
  }, 60_000);

  it('gives the same checklist as JSON with --json', async () => {
    const { code, stdout } = await doctor({ SEKOIA_API_KEY: 'wrong-key-0123456789' }, ['--json']);
    const report = JSON.parse(stdout);
    expect(report.ok).toBe(false);
    expect(report.checks).toContainEqual(expect.objectContaining({ id: 'sekoia.key-valid', state: 'fail' }));
    expect(stdout).not.toContain('wrong-key-0123456789');
    expect(code).toBe(1);
  }, 60_000);

  it('prints the configuration problems and exits 1 before any check', async () => {
    const { code, stdout } = await doctor({ SEKOIA_API_URL: 'ftp://nowhere', PORT: 'eighty' });
    expect(stdout).toContain('The configuration is invalid; no check was run');
    expect(stdout).toContain('SEKOIA_API_URL');
    expect(stdout).toContain('PORT');
    expect(fake.requests.filter((request) => request.path.endsWith('/v1/me'))).toHaveLength(0);
    expect(code).toBe(1);
  }, 60_000);
});
