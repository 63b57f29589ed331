/**
 * Microsoft 365 Agents Playground (`@microsoft/m365agentsplayground`, a dev dependency) as a child
 * process, pointed at the bot's `/api/messages`: a Teams look-alike in the browser whose mocked Bot
 * Connector (`<url>/_connector`, on localhost) receives the bot's replies and proactive cards.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { agentsPlaygroundConfig } from './agents-playground-config.ts';

export interface AgentsPlayground {
  /** The web UI, `http://localhost:<port>`. */
  url: string;
  port: number;
  /** The mocked Bot Connector the bot posts to. */
  serviceUrl: string;
  /** Where the Playground writes its own log (its console goes there when stdout is not a terminal). */
  logFile: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export interface StartAgentsPlaygroundOptions {
  /** The bot's messaging endpoint. */
  messagesUrl: string;
  /** A directory of this run: the config file and the Playground's log go there. */
  dir: string;
  /** Default 56150, the Playground's own; 0 for any free port (it falls back to one when taken). */
  port?: number;
  timeoutMs?: number;
}

/** The CLI's path, or undefined when the dev dependency is not installed. */
export function agentsPlaygroundCli(): string | undefined {
  try {
    const cli = createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');
    return existsSync(cli) ? cli : undefined;
  } catch {
    // Not installed (npm ci --omit=dev): the caller says how to get it.
    return undefined;
  }
}

export async function startAgentsPlayground(
  options: StartAgentsPlaygroundOptions,
): Promise<AgentsPlayground> {
  const cli = agentsPlaygroundCli();
  if (cli === undefined) throw new Error('@microsoft/m365agentsplayground is not installed: run npm install');
  const configFile = join(options.dir, '.m365agentsplayground.yml');
  const logFile = join(options.dir, 'm365agentsplayground.log');
  writeFileSync(configFile, agentsPlaygroundConfig());
  const args = ['--app-endpoint', options.messagesUrl, '--channel-id', 'msteams'];
  args.push('--port', String(options.port ?? 56150), '--disable-telemetry');
  const child = spawn(process.execPath, [cli, ...args], {
    // Its defaults are relative to the working directory (./devTools/…): kept in this run's directory.
    cwd: options.dir,
    env: {
      ...process.env,
      // `none` keeps it from opening a browser (with `open`, whose missing xdg-open crashes it headless).
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: configFile,
      M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: Ctrl-C in the terminal reaches this script, which stops it in order.
    detached: true,
  });
  const port = await listeningPort(child, options.timeoutMs ?? 15_000);
  const url = `http://localhost:${port}`;
  return { url, port, serviceUrl: `${url}/_connector`, logFile, child, stop: () => stopChild(child) };
}

/** When stdout is not a terminal the Playground writes `Listening on <port>` there, and nothing else. */
function listeningPort(child: ChildProcess, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    const fail = (why: string) => {
      cleanup();
      child.kill();
      reject(new Error(`Agents Playground did not start: ${why}\n${output.trim()}`));
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const port = /Listening on (\d+)/.exec(output)?.[1];
      if (port === undefined) return;
      cleanup();
      resolve(Number(port));
    };
    const onExit = (code: number | null) => fail(`it exited (code ${code})`);
    const timer = setTimeout(() => fail(`no port after ${timeoutMs} ms`), timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', onExit);
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
