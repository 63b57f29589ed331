/**
 * `npm run bench:ingest`: the WebHook endpoint under autocannon (50 connections) next to a bare
 * node:http server that answers 202 to the same requests, in the same run. The load generator and
 * the fake Sekoia.io API run in their own processes. The bot processes what it accepts while the
 * load runs; afterwards the script waits until every accepted event has been delivered.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Result } from 'autocannon';
import { type App, createApp } from '../src/app.ts';
import { loadConfig } from '../src/config/load-config.ts';
import { createLogger } from '../src/log.ts';
import { writeBenchmarkSection } from './write-benchmark-section.ts';

const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const SECRET = 'bench-webhook-secret-0123456789abcdef';
const DRAIN_TIMEOUT_MS = 180_000;

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

/** Runs the load from a separate process and returns autocannon's result. */
async function load(url: string, alertUuids: readonly string[]): Promise<Result> {
  const script = join(import.meta.dirname, 'run-load.ts');
  const args = [script, url, `${CONNECTIONS}`, `${DURATION_S}`, alertUuids.join(',')];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`load generator exited with ${code}`);
  return JSON.parse(output) as Result;
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
  while ((await app.queue.stats()).pending > 0) {
    if (Date.now() - started > DRAIN_TIMEOUT_MS) throw new Error('the queue did not drain in time');
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
  const bareResult = await load(bareUrl, api.alertUuids);
  bare.close();

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
  const ingest = await load(url, api.alertUuids);
  app.worker.start();
  const first = await drain(app);
  // 2. The same endpoint while the worker enriches and delivers what arrives.
  const busy = await load(url, api.alertUuids);
  const second = await drain(app);
  await app.stop();
  api.child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });

  // Requests in flight when autocannon stops are processed but not counted by it: processed ≥ 2xx.
  const accepted = ingest['2xx'] + busy['2xx'];
  if (second.processed < accepted)
    throw new Error(`only ${second.processed} of ${accepted} accepted events were processed`);
  report({
    bare: bareResult,
    ingest,
    busy,
    processed: second.processed,
    drainMs: [first.drainMs, second.drainMs],
  });
}

interface Figures {
  bare: Result;
  ingest: Result;
  busy: Result;
  processed: number;
  drainMs: [number, number];
}

function report(f: Figures): void {
  const ratio = (r: Result) => `${((r.requests.average / f.bare.requests.average) * 100).toFixed(1)} %`;
  const row = (name: string, r: Result, vsBare: string) =>
    `| ${name} | ${r.requests.average.toFixed(0)} | ${vsBare} | ${r.latency.p50} | ${r.latency.p99} | ${r['2xx']} | ${r.non2xx + r.errors} |`;
  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  const markdown = `## Ingest: \`npm run bench:ingest\`

${new Date().toISOString().slice(0, 10)}, Node ${process.versions.node}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}. autocannon in its own process, ${CONNECTIONS} connections, ${DURATION_S} s per run, one fresh alert notification per request (500 alerts served by a fake Sekoia.io API in a third process). Logs off (\`LOG_LEVEL=silent\`).

| server | req/s (mean) | vs bare | p50 ms | p99 ms | 2xx | errors |
|---|---|---|---|---|---|---|
${row('bare node:http, answers 202 after reading the body', f.bare, '100 %')}
${row('sekoia-chatops WebHook, processing paused', f.ingest, ratio(f.ingest))}
${row('sekoia-chatops WebHook, worker enriching and delivering meanwhile', f.busy, ratio(f.busy))}

Targets (issue #2): ≥ 60 % of the bare server's req/s, p99 < 20 ms. Every 202 is an fsync'd SQLite commit (WAL, \`synchronous=FULL\`, group commit in the queue's own thread). After each bot run the queue drained (${seconds(f.drainMs[0])} s and ${seconds(f.drainMs[1])} s), and ${f.processed} events had been enriched through the API and delivered, at least the ${f.ingest['2xx'] + f.busy['2xx']} answered 202 (the rest were in flight when a run stopped); the script checks it.`;
  writeBenchmarkSection(join(import.meta.dirname, '..', 'BENCHMARKS.md'), 'ingest', markdown);
  process.stdout.write(`${markdown}\n`);
}

await main();
