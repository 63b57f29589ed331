import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { freePort } from '../test/integration/start-bot.ts';

export interface PrivateRedis {
  /** redis://127.0.0.1:<port> */
  url: string;
  /** Stops the server and deletes its files (the AOF with everything the run stored). */
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 10_000;

/**
 * A `redis-server` of the benchmark's own, on a free port with its files in a temporary directory,
 * persisting as README and compose.yaml recommend for the queue (AOF, fsync every second, no RDB
 * snapshots): a 202 is durable to the engine. The machine's shared Redis is never touched.
 */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-redis-'));
  const port = await freePort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir];
  const persistence = ['--appendonly', 'yes', '--appendfsync', 'everysec', '--save', ''];
  const child = spawn('redis-server', [...args, ...persistence], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  const ready = new Promise<void>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (line.includes('Ready to accept connections')) resolve();
    });
    child.once('error', reject);
    void exited.then(() => reject(new Error(`redis-server exited with ${child.exitCode}`)));
    setTimeout(() => reject(new Error('redis-server did not start in time')), READY_TIMEOUT_MS).unref();
  });
  try {
    await ready;
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `redis://127.0.0.1:${port}`, stop };
}
