import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../integration/start-bot.ts';
import { type PrivateEngine, waitFor } from './private-engine.ts';

/** Answers true once the server answers PING on `port`. */
function pings(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.setTimeout(1_000, () => socket.destroy());
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
    socket.once('close', () => resolve(false));
  });
}

/**
 * `redis-server` with AOF (README "Running several replicas"): by default `appendfsync always`, under
 * which a `202` the bot answered survives a crash of Redis itself; crashed with SIGKILL. The
 * benchmarks take `everysec`, what compose.yaml runs.
 */
export async function startPrivateRedis(
  options: { appendfsync?: 'always' | 'everysec' } = {},
): Promise<PrivateEngine> {
  const dir = mkdtempSync(join(tmpdir(), 'fault-redis-'));
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    const started = spawn(
      'redis-server',
      [
        ...['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', ''],
        ...[
          '--appendonly',
          'yes',
          '--appendfsync',
          options.appendfsync ?? 'always',
          '--logfile',
          join(dir, 'redis.log'),
        ],
      ],
      { stdio: 'ignore' },
    );
    child = started;
    await waitFor('redis-server did not answer PING', async () => {
      if (started.exitCode !== null) throw new Error(`redis-server exited with ${started.exitCode}`);
      return pings(port);
    });
  };
  const stop = async (signal: NodeJS.Signals) => {
    const running = child;
    child = undefined;
    if (running === undefined || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill(signal);
    await exited;
  };
  await start();
  return {
    name: 'Redis',
    url: `redis://127.0.0.1:${port}`,
    crash: () => stop('SIGKILL'),
    start,
    async close() {
      await stop('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
