/**
 * `npm run bench:ingest`: the WebHook endpoint under autocannon (50 connections) next to a bare
 * node:http server that answers 202 to the same requests, in the same run. The load generator and
 * the fake Sekoia.io API run in their own processes. The bot, in this process on SQLite, processes
 * what it accepts while the load runs; afterwards the script waits until every accepted event has
 * been delivered. Then the same on Redis with bot processes (ingest-on-redis.ts): one, then three.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { type App, createApp } from '../src/app.ts';
import { loadConfig } from '../src/config/load-config.ts';
import { createLogger } from '../src/log.ts';
import { costOf, type RunCost } from './cost-of.ts';
import { footprintTable } from './footprint-table.ts';
import { benchIngestOnRedis } from './ingest-on-redis.ts';
import { ingestSection } from './ingest-section.ts';
import { type LoadFigures, type LoadOptions, loadFromProcess } from './load-from-process.ts';
import { type Footprint, measureFootprint } from './measure-footprint.ts';
import { writeBenchmarkSection } from './write-benchmark-section.ts';

const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const SECRET = 'bench-webhook-secret-0123456789abcdef';
/**
 * Per drain, at least; the in-process SQLite queue drains at a few hundred events a second on 2
 * cores (each enriched one by one), so a drain may take as long as 5 ms per event accepted: a 10 s
 * run at 15,000 req/s leaves ~150,000 to process.
 */
const DRAIN_TIMEOUT_MS = 600_000;
const DRAIN_MS_PER_EVENT = 5;
/**
 * `BENCH_INGEST_QUICK=1`: the bare server and the paused-processing row only, printed, without the
 * drain, the Redis rows, nor writing BENCHMARKS.md (for quick before/after rounds).
 */
const QUICK = process.env.BENCH_INGEST_QUICK === '1';
/**
 * `BENCH_INGEST_ROUNDS=N` (quick mode only): N pairs of the two rows, alternated, and the median
 * ratio. The machine's speed drifts by a third from one minute to the next: alternating short runs
 * compares the two servers in the same periods rather than in whichever each run fell in.
 */
const ROUNDS = QUICK ? Math.max(1, Math.floor(Number(process.env.BENCH_INGEST_ROUNDS ?? 1)) || 1) : 1;
/** Idle footprint runs (issue 17), between the SQLite and the Redis rows, while nothing else runs. */
const FOOTPRINT_RUNS = 3;

interface FakeApi {
  child: ChildProcess;
  url: string;
  apiKey: string;
  alertUuids: string[];
}

function startFakeApi(): Promise<FakeApi> {
  const child = spawn(process.execPath, [join(import.meta.dirname, 'run-fake-sekoia.ts'), '500'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve) => {
    createInterface({ input: child.stdout }).once('line', (line) => resolve({ child, ...JSON.parse(line) }));
  });
}

function startBare(): Promise<Server> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(202, { 'content-type': 'application/json' });
      res.end('{"status":"accepted"}');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function metricValue(app: App, name: string): Promise<number> {
  const metric = await app.metrics.registry.getSingleMetric(name)?.get();
  return (metric?.values ?? []).reduce((sum, v) => sum + (v.labels.result === 'failed' ? 0 : v.value), 0);
}

/** Waits until the queue is empty; returns how many events were delivered or dropped as duplicates. */
async function drain(app: App): Promise<{ processed: number; drainMs: number }> {
  const started = Date.now();
  const timeoutMs = Math.max(DRAIN_TIMEOUT_MS, (await app.queue.stats()).pending * DRAIN_MS_PER_EVENT);
  while ((await app.queue.stats()).pending > 0) {
    if (Date.now() - started > timeoutMs) throw new Error('the queue did not drain in time');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const delivered = await metricValue(app, 'sekoia_chatops_deliveries_total');
  const duplicates = await metricValue(app, 'sekoia_chatops_events_deduplicated_total');
  return { processed: delivered + duplicates, drainMs: Date.now() - started };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-ingest-'));
  const api = await startFakeApi();
  const bare = await startBare();
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/hooks/sekoia/x`;
  const loadOptions: LoadOptions = {
    connections: CONNECTIONS,
    durationS: DURATION_S,
    alertUuids: api.alertUuids,
  };
  const { result: bareResult, cost: bareCost } = await costOf(() => loadFromProcess(bareUrl, loadOptions));

  const config = loadConfig({
    SEKOIA_WEBHOOK_SECRET: SECRET,
    STORE_URL: `sqlite://${join(dir, 'bench.sqlite')}`,
    SEKOIA_API_URL: api.url,
    SEKOIA_API_KEY: api.apiKey,
    LOG_LEVEL: 'silent',
  });
  const app = await createApp({
    config,
    log: createLogger({ level: 'silent' }),
    defaultMetrics: false,
    // What is measured is ingest; the drain only checks that nothing accepted is lost. At Sekoia.io's
    // 5 requests/s the local fake API would take hours to enrich a run's worth of events.
    sekoiaRetry: { pace: { requestsPerSecond: 1_000_000 } },
  });
  const url = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}/hooks/sekoia/${SECRET}`;
  // 1. The endpoint alone: processing paused, so the figure is the ingest path's own.
  await app.worker.stop();
  const { result: ingest, cost } = await costOf(() => loadFromProcess(url, loadOptions));
  const rounds: QuickRound[] = [{ bare: [bareResult, bareCost], paused: [ingest, cost] }];
  while (rounds.length < ROUNDS) {
    const again = await costOf(() => loadFromProcess(bareUrl, loadOptions));
    const paused = await costOf(() => loadFromProcess(url, loadOptions));
    rounds.push({ bare: [again.result, again.cost], paused: [paused.result, paused.cost] });
  }
  bare.close();
  if (QUICK) return quickReport(app, rounds, dir, api);
  app.worker.start();
  const first = await drain(app);
  // 2. The same endpoint while the worker enriches and delivers what arrives.
  const busy = await loadFromProcess(url, loadOptions);
  const second = await drain(app);
  await app.stop();
  rmSync(dir, { recursive: true, force: true });
  // The idle process, while nothing else runs (after the drains, before the Redis rows).
  const footprints: Footprint[] = [];
  for (let run = 0; run < FOOTPRINT_RUNS; run += 1) footprints.push(await measureFootprint());
  // Requests in flight when autocannon stops are processed but not counted by it: processed ≥ 2xx.
  const accepted = ingest.ok + busy.ok;
  if (second.processed < accepted)
    throw new Error(`only ${second.processed} of ${accepted} accepted events were processed`);

  // 3. Bot processes on a Redis of the bench's own: one process, then three replicas.
  const redis = await benchIngestOnRedis({
    ...loadOptions,
    api,
    secret: SECRET,
    drainTimeoutMs: DRAIN_TIMEOUT_MS,
  }).finally(() => api.child.kill('SIGTERM'));
  const markdown = ingestSection({
    connections: CONNECTIONS,
    durationS: DURATION_S,
    bare: bareResult,
    ingest,
    busy,
    processed: second.processed,
    drainMs: [first.drainMs, second.drainMs],
    redis,
    footprint: footprintTable(footprints),
    footprintRuns: FOOTPRINT_RUNS,
  });
  writeBenchmarkSection(join(import.meta.dirname, '..', 'BENCHMARKS.md'), 'ingest', markdown);
  process.stdout.write(`${markdown}\n`);
}

interface QuickRound {
  bare: [LoadFigures, RunCost];
  paused: [LoadFigures, RunCost];
}

/** Both rows of each round, and a check that every 202 is in the queue (nothing was processed meanwhile). */
async function quickReport(app: App, rounds: readonly QuickRound[], dir: string, api: FakeApi) {
  const { pending } = await app.queue.stats();
  await app.stop();
  api.child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
  const accepted = rounds.reduce((sum, round) => sum + round.paused[0].ok, 0);
  if (pending < accepted) throw new Error(`only ${pending} of ${accepted} accepted events are stored`);
  // Per request answered, in microseconds: the main thread's CPU, every thread's, the whole machine's
  // (the load generator's included), and how busy the machine's cores were.
  const perRequest = (r: LoadFigures, ms: number) => ((ms * 1000) / Math.max(1, r.ok)).toFixed(0);
  const row = (name: string, [r, c]: [LoadFigures, RunCost]) =>
    `${name}\t${r.reqPerSec.toFixed(0)} req/s\tp50 ${r.p50Ms} ms\tp99 ${r.p99Ms} ms\t2xx ${r.ok}\terrors ${r.errors}` +
    `\tmain cpu µs/req ${perRequest(r, c.mainCpuMs)}\tcpu µs/req ${perRequest(r, c.cpuMs)}` +
    `\tmachine µs/req ${perRequest(r, c.machineBusyMs)}\tmachine busy ${(c.machineUtilisation * 100).toFixed(0)} %`;
  const ratios = rounds.map((round) => (round.paused[0].reqPerSec / round.bare[0].reqPerSec) * 100);
  for (const [index, round] of rounds.entries()) {
    const ratio = `\tvs bare ${ratios[index]?.toFixed(1)} %`;
    process.stdout.write(`${row('bare', round.bare)}\n${row('paused', round.paused)}${ratio}\n`);
  }
  const sorted = [...ratios].sort((a, b) => a - b);
  const median = ((sorted[(sorted.length - 1) >> 1] ?? 0) + (sorted[sorted.length >> 1] ?? 0)) / 2;
  const range = rounds.length > 1 ? ` (${sorted[0]?.toFixed(1)}–${sorted.at(-1)?.toFixed(1)} %)` : '';
  process.stdout.write(
    `vs bare, median of ${rounds.length}: ${median.toFixed(1)} %${range}\tstored ${pending} of ${accepted} answered 202\n`,
  );
}

await main();
