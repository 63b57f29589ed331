import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Result } from 'autocannon';

/** What a benchmark row shows of a load run (or of several run at once). */
export interface LoadFigures {
  /** Mean requests per second. */
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Requests answered 2xx. */
  ok: number;
  /** Non-2xx answers and transport errors. */
  errors: number;
}

export interface LoadOptions {
  connections: number;
  durationS: number;
  alertUuids: readonly string[];
}

/** Runs autocannon from a separate process (bench/run-load.ts) against `url`. */
export async function loadFromProcess(url: string, options: LoadOptions): Promise<LoadFigures> {
  const script = join(import.meta.dirname, 'run-load.ts');
  const args = [script, url, `${options.connections}`, `${options.durationS}`, options.alertUuids.join(',')];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`load generator exited with ${code}`);
  const result = JSON.parse(output) as Result;
  return {
    reqPerSec: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    ok: result['2xx'],
    errors: result.non2xx + result.errors,
  };
}

/**
 * The connections spread over `urls` (one load process per URL, all at once): rates, 2xx and errors
 * summed, latencies the worst of the processes (percentiles of separate runs do not add up).
 */
export async function loadSpread(urls: readonly string[], options: LoadOptions): Promise<LoadFigures> {
  const share = (index: number) =>
    Math.floor(options.connections / urls.length) + (index < options.connections % urls.length ? 1 : 0);
  const runs = await Promise.all(
    urls.map((url, index) => loadFromProcess(url, { ...options, connections: share(index) })),
  );
  return {
    reqPerSec: runs.reduce((sum, run) => sum + run.reqPerSec, 0),
    p50Ms: Math.max(...runs.map((run) => run.p50Ms)),
    p99Ms: Math.max(...runs.map((run) => run.p99Ms)),
    ok: runs.reduce((sum, run) => sum + run.ok, 0),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
  };
}
