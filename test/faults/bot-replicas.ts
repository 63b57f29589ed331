import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, copyFileSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../integration/start-bot.ts';
import { waitFor } from './private-engine.ts';

const ROOT = join(import.meta.dirname, '..', '..');
/** As `npm start` runs the bot (package.json). */
const START_ARGS = ['--max-semi-space-size=16', '--max-old-space-size=512', join(ROOT, 'src/main.ts')];

export interface BotReplicas {
  /** Each replica's own address (the proxy's upstreams). */
  readonly urls: readonly string[];
  /** Starts replica `index` (again), on its port, and waits until `/readyz` answers 200. */
  start(index: number): Promise<void>;
  /** SIGKILL: no graceful shutdown, work in flight is left as it was. */
  kill(index: number): Promise<void>;
  /** SIGSTOP / SIGCONT: the replica is frozen, its connections open. */
  freeze(index: number): void;
  thaw(index: number): void;
  /** What the replicas wrote to stderr and stdout (their logs), for a failing test's message. */
  logs(): string;
  /** SIGTERM to every replica still running (graceful shutdown), then their files removed. */
  close(): Promise<void>;
}

/** Free ports for `count` replicas, known before they start (the proxy in front needs them). */
export function replicaPorts(count: number): Promise<number[]> {
  return Promise.all(Array.from({ length: count }, () => freePort()));
}

/** Bot processes started as `npm start` starts one, one per port, the same environment for all. */
export async function startBotReplicas(
  ports: readonly number[],
  env: Record<string, string>,
): Promise<BotReplicas> {
  const dir = mkdtempSync(join(tmpdir(), 'fault-bots-'));
  const urls = ports.map((port) => `http://127.0.0.1:${port}`);
  const children: (ChildProcess | undefined)[] = ports.map(() => undefined);
  const logPath = join(dir, 'replicas.log');
  const logFd = openSync(logPath, 'a');

  const start = async (index: number) => {
    const child = spawn(process.execPath, START_ARGS, {
      cwd: dir,
      stdio: ['ignore', logFd, logFd],
      env: { PATH: process.env.PATH ?? '', ...env, PORT: String(ports[index]) },
    });
    children[index] = child;
    await waitFor(
      `replica ${index} was not ready`,
      async () => {
        if (child.exitCode !== null) throw new Error(`replica ${index} exited with ${child.exitCode}`);
        return (await fetch(`${urls[index]}/readyz`)).ok;
      },
      30_000,
    );
  };
  const stop = async (index: number, signal: NodeJS.Signals) => {
    const child = children[index];
    children[index] = undefined;
    if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    if (signal === 'SIGTERM') child.kill('SIGCONT');
    child.kill(signal);
    await exited;
  };
  const signal = (index: number, name: NodeJS.Signals) => children[index]?.kill(name);

  await Promise.all(urls.map((_, index) => start(index)));
  return {
    urls,
    start,
    kill: (index) => stop(index, 'SIGKILL'),
    freeze: (index) => signal(index, 'SIGSTOP'),
    thaw: (index) => signal(index, 'SIGCONT'),
    logs: () => readFileSync(logPath, 'utf8'),
    async close() {
      await Promise.all(urls.map((_, index) => stop(index, 'SIGTERM')));
      closeSync(logFd);
      // To read the replicas' logs after a run: FAULTS_LOG_DIR=/some/dir npm run test:faults
      const keep = process.env.FAULTS_LOG_DIR;
      if (keep) copyFileSync(logPath, join(keep, `replicas-${Date.now()}.log`));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
