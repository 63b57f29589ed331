import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startFakeMattermost } from '../test/fakes/fake-mattermost/start-fake-mattermost.ts';
import { startFakeSekoia } from '../test/fakes/fake-sekoia/start-fake-sekoia.ts';
import { fakeWorldEnv } from './fake-world-env.ts';
import { spawnBotProcess } from './spawn-bot-process.ts';

/** What an idle bot process costs: how long it takes to serve, and what it holds once settled. */
export interface Footprint {
  /** From spawn to the first 200 of `/healthz`, polled every 5 ms. */
  startToHealthyMs: number;
  /**
   * CPU time the process had used (every thread, user + system) when `/healthz` first answered:
   * what start costs, whatever else the machine runs at the time.
   */
  startCpuMs: number;
  /** Resident memory of the whole process (every thread) after `idleMs`: /proc/<pid>/status VmRSS. */
  idleRssMb: number;
  /** The main thread's V8 heap in use at the same time, as /metrics reports it. */
  heapUsedMb: number;
}

export interface MeasureFootprintOptions {
  /** How long the bot idles after answering `/healthz` before it is measured (default 5 s). */
  idleMs?: number;
}

const MB = 1024 * 1024;
const HEALTH_POLL_MS = 5;

/**
 * Spawns the bot as `npm start` runs it, both platforms on (Mattermost on a fake server; Teams is
 * always on) against a fake Sekoia.io on loopback, with a fresh SQLite store in a temporary cwd.
 */
export async function measureFootprint(options: MeasureFootprintOptions = {}): Promise<Footprint> {
  const sekoia = await startFakeSekoia({});
  const mattermost = await startFakeMattermost({});
  const dir = mkdtempSync(join(tmpdir(), 'bench-footprint-'));
  try {
    const bot = await spawnBotProcess({
      cwd: dir,
      env: fakeWorldEnv({ dir, secret: 'bench-footprint-secret-0123456789abcdef', sekoia, mattermost }),
      publicUrl: true,
      readyPath: '/healthz',
      pollMs: HEALTH_POLL_MS,
    });
    const startCpuMs = readCpuMs(bot.child.pid);
    try {
      await sleep(options.idleMs ?? 5_000);
      const idleRssMb = readVmRssKb(bot.child.pid) / 1024;
      const heapUsedMb = (await readMetric(bot.url, 'sekoia_chatops_nodejs_heap_size_used_bytes')) / MB;
      return { startToHealthyMs: bot.readyAfterMs, startCpuMs, idleRssMb, heapUsedMb };
    } finally {
      await bot.stop();
    }
  } finally {
    await Promise.all([sekoia.close(), mattermost.close()]);
    rmSync(dir, { recursive: true, force: true });
  }
}

function readVmRssKb(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  if (!match?.[1]) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(match[1]);
}

/** utime + stime of /proc/<pid>/stat, in clock ticks (100 a second on Linux). */
function readCpuMs(pid: number | undefined): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return ticks * 10;
}

async function readMetric(url: string, name: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((each) => each.startsWith(`${name} `));
  if (!line) throw new Error(`/metrics has no ${name}`);
  return Number(line.slice(name.length + 1));
}
