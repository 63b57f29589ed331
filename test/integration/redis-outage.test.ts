import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startBot, type TestBot } from './start-bot.ts';

/**
 * Spec §4: the WebHook answers `503` with `Retry-After` when the store is down, so that Sekoia.io
 * sends the notification again; nothing is answered `202` that the store did not take. A Redis of
 * its own (the machine's `redis-server`), stopped under the bot: the shared work queue (BullMQ)
 * then fails with the client library's own errors, which must still reach the WebHook as a 503.
 */
async function startRedis(port: number, dir: string): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: 'ignore' },
  );
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    try {
      const { createConnection } = await import('node:net');
      await new Promise<void>((resolve, reject) => {
        const socket = createConnection(port, '127.0.0.1', () => {
          socket.end();
          resolve();
        });
        socket.on('error', reject);
      });
      return child;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  child.kill('SIGKILL');
  throw new Error('redis-server did not start');
}

const notification = (n: number) =>
  JSON.stringify({
    type: 'alert',
    action: 'created',
    attributes: { uuid: `7a8b9c0d-1e2f-4a5b-8c6d-${String(n).padStart(12, '0')}` },
  });

describe('the WebHook while Redis is down', () => {
  let redis: ChildProcess;
  let bot: TestBot;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'redis-outage-'));
    const port = await freePort();
    redis = await startRedis(port, dir);
    bot = await startBot({ env: { STORE_URL: `redis://127.0.0.1:${port}` } });
  });
  afterAll(async () => {
    redis.kill('SIGKILL');
    await bot?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 202 while Redis takes the job, then 503 with Retry-After, and /readyz says so', async () => {
    const post = (n: number) =>
      fetch(bot.webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: notification(n),
      });
    expect((await post(1)).status).toBe(202);

    const exited = new Promise((resolve) => redis.once('exit', resolve));
    redis.kill('SIGKILL');
    await exited;
    const refused = await post(2);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await refused.json()).toMatchObject({ code: 'store_unavailable' });
    expect((await fetch(`${bot.url}/readyz`)).status).toBe(503);
  });
});
