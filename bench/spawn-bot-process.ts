import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '../test/integration/start-bot.ts';

/** The V8 settings `npm start` runs the bot with (package.json). */
const START_FLAGS = ['--expose-gc', '--max-semi-space-size=16', '--max-old-space-size=512'];
const ROOT = join(import.meta.dirname, '..');
/** What `npm start` runs: the JavaScript `npm run build` compiles from src/ (its prestart). */
const MAIN = join(ROOT, 'dist', 'main.js');
const READY_TIMEOUT_MS = 30_000;

export interface BotProcess {
  child: ChildProcess;
  /** http://127.0.0.1:<port> */
  url: string;
  /** From spawn to the first 200 of the route waited for, in ms (as fine as `pollMs`). */
  readyAfterMs: number;
  /** SIGTERM, and resolves once the process has exited. */
  stop(): Promise<void>;
}

export interface SpawnBotOptions {
  /** The bot's environment; PORT is chosen here, PATH passed through. */
  env: Record<string, string>;
  cwd: string;
  /** PUBLIC_URL set to the bot's own address (chosen here). */
  publicUrl?: boolean;
  /** What the bot writes to stdout (its start banner, logs with LOG_FORMAT=json). */
  stdout?: 'ignore' | 'inherit';
  /** The route that says the bot is up: `/readyz` (default, dependencies checked) or `/healthz`. */
  readyPath?: '/readyz' | '/healthz';
  /** How often that route is asked until it answers (default 100 ms). */
  pollMs?: number;
}

/** The bot as `npm start` runs it, in its own process; resolves once `/readyz` answers 200. */
export async function spawnBotProcess(options: SpawnBotOptions): Promise<BotProcess> {
  buildOnce();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [...START_FLAGS, MAIN], {
    cwd: options.cwd,
    stdio: ['ignore', options.stdout ?? 'ignore', 'inherit'],
    env: {
      PATH: process.env.PATH ?? '',
      // For experiments with the bot's V8 flags (e.g. `--max-semi-space-size=4`).
      ...(process.env.BENCH_BOT_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_BOT_NODE_OPTIONS } : {}),
      ...options.env,
      PORT: String(port),
      ...(options.publicUrl ? { PUBLIC_URL: url } : {}),
    },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  try {
    await waitReady(`${url}${options.readyPath ?? '/readyz'}`, child, options.pollMs ?? 100);
  } catch (error) {
    await stop();
    throw error;
  }
  return { child, url, readyAfterMs: performance.now() - spawnedAt, stop };
}

let built = false;

/** `npm run build`, once per benchmark process, so that dist/ is the sources being measured. */
function buildOnce(): void {
  if (built) return;
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  built = true;
}

async function waitReady(readyUrl: string, child: ChildProcess, pollMs: number): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the bot exited with ${child.exitCode}`);
    const ready = await fetch(readyUrl).then(
      (response) => response.ok,
      // not listening yet
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  throw new Error(`the bot did not become ready in ${READY_TIMEOUT_MS / 1000} s`);
}
