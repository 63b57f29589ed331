import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';

const MAIN = join(import.meta.dirname, '..', '..', 'src', 'main.ts');

interface Started {
  port: number;
  stdout: string[];
  exit: Promise<number | null>;
  stop(): void;
}

/** `npm start` on a fresh machine: no variables at all, in an empty working directory. */
function start(cwd: string, env: Record<string, string> = {}): Promise<Started> {
  const child = spawn(process.execPath, [MAIN], {
    cwd,
    env: { PATH: process.env.PATH ?? '', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      stdout.push(line);
      const port = line.startsWith('{') ? (JSON.parse(line) as { msg?: string; port?: number }) : {};
      if (port.msg === 'listening' && port.port) {
        resolve({ port: port.port, stdout, exit, stop: () => child.kill('SIGTERM') });
      }
    });
  });
}

describe('npm start with no configuration', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fresh-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves health and readiness on the embedded store, says what is off, prints the WebHook URL once', async () => {
    const first = await start(dir);
    const base = `http://127.0.0.1:${first.port}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${base}/readyz`)).json()).toEqual({
      status: 'ready',
      checks: { store: 'ok', queue: 'ok' },
    });
    expect(await (await fetch(`${base}/metrics`)).text()).toContain('sekoia_chatops_queue_depth');
    const printed = first.stdout.find((line) => line.includes('/hooks/sekoia/'));
    expect(printed).toMatch(/\/hooks\/sekoia\/[A-Za-z0-9_-]{43}$/);
    expect(first.stdout.join('\n')).toMatch(/"platform":"mattermost","state":"off"/);
    expect(readdirSync(join(dir, 'data'))).toContain('sekoia-chatops.sqlite');
    first.stop();
    expect(await first.exit).toBe(0);

    const secret = printed?.split('/hooks/sekoia/')[1] ?? '';
    const second = await start(dir);
    expect(second.stdout.join('\n')).not.toContain(secret);
    const hook = await fetch(`http://127.0.0.1:${second.port}/hooks/sekoia/${secret}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'x', action: 'y', attributes: {}, metadata: { created_at: 'now' } }),
    });
    expect(hook.status).toBe(202);
    second.stop();
    expect(await second.exit).toBe(0);
  });

  it('says so and exits 1 when its port is taken', async () => {
    const holder = await start(dir);
    const child = spawn(process.execPath, [MAIN], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', PORT: String(holder.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    holder.stop();
    await holder.exit;
    expect(code).toBe(1);
    expect(stdout).toContain('cannot listen');
  });

  it('refuses to start on a bad configuration with one message listing every problem', async () => {
    const child = spawn(process.execPath, [MAIN], {
      cwd: dir,
      env: {
        PATH: process.env.PATH ?? '',
        PORT: 'x',
        STORE_URL: 'mysql://db',
        SEKOIA_API_KEY: 'do-not-print-me',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('PORT');
    expect(stderr).toContain('STORE_URL');
    expect(stderr).not.toContain('do-not-print-me');
  });
});
