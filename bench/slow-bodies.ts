/**
 * `npm run bench:slow-bodies` (or `node bench/slow-bodies.ts [repository root]` to measure another
 * checkout, whose figures are printed only): peak memory of the bot while 200 senders each send
 * a WebHook of just under 1 MiB slowly, all at once (issue 10, item 17). The bot runs as
 * `node src/main.ts` in its own process, on loopback, with a throw-away SQLite store; its resident
 * memory is read from /proc (Linux). One round, then the bot is stopped.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../test/integration/start-bot.ts';
import { writeBenchmarkSection } from './write-benchmark-section.ts';

const SENDERS = Number(process.env.BENCH_SENDERS ?? 200);
const BODY_BYTES = 1024 * 1024 - 1024;
const CHUNK_BYTES = 32 * 1024;
const CHUNK_EVERY_MS = 100;
const SECRET = 'bench-webhook-secret-0123456789abcdef';

const root = resolve(process.argv[2] ?? join(import.meta.dirname, '..'));
const dir = mkdtempSync(join(tmpdir(), 'slow-bodies-'));
const port = await freePort();
const bot = spawn(process.execPath, [join(root, 'src/main.ts')], {
  cwd: dir,
  env: {
    PATH: process.env.PATH,
    PORT: String(port),
    SEKOIA_WEBHOOK_SECRET: SECRET,
    STORE_URL: `sqlite://${join(dir, 'bot.sqlite')}`,
    LOG_LEVEL: 'error',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});

/**
 * A notification of exactly `bytes` bytes that both the current and the former envelope rules
 * accept (type, action, attributes, metadata.created_at), distinct per sender.
 */
function notification(bytes: number, index: number): Buffer {
  const frame = JSON.stringify({
    type: 'slow-upload',
    action: 'created',
    attributes: { index },
    metadata: { created_at: new Date(Date.UTC(2026, 0, 1, 0, 0, index)).toISOString() },
    pad: '',
  });
  return Buffer.from(frame.replace('"pad":""', `"pad":"${'x'.repeat(bytes - frame.length)}"`));
}

/** Resident memory of the bot now and at its highest (the kernel keeps the peak), in MiB. */
function memory(): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${bot.pid}/status`, 'utf8');
  const mib = (field: string) =>
    Math.round(Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) / 1024);
  return { rss: mib('VmRSS'), peak: mib('VmHWM') };
}

async function waitReady(): Promise<void> {
  for (let i = 0; i < 300; i += 1) {
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error('the bot did not start');
}

/** One slow sender: the body in chunks, one every CHUNK_EVERY_MS; resolves with the status (0: no answer). */
function send(body: Buffer): Promise<number> {
  return new Promise((done) => {
    const url = `http://127.0.0.1:${port}/hooks/sekoia/${SECRET}`;
    const headers = { 'content-type': 'application/json', 'content-length': String(body.length) };
    const req = request(url, { method: 'POST', headers, agent: false });
    let offset = 0;
    const timer = setInterval(() => {
      if (req.destroyed) return clearInterval(timer);
      const chunk = body.subarray(offset, offset + CHUNK_BYTES);
      offset += chunk.length;
      if (offset < body.length) req.write(chunk);
      else {
        clearInterval(timer);
        req.end(chunk);
      }
    }, CHUNK_EVERY_MS);
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => done(res.statusCode ?? 0));
    });
    req.on('error', () => {
      clearInterval(timer);
      done(0);
    });
  });
}

try {
  await waitReady();
  await new Promise((done) => setTimeout(done, 1_000));
  const before = memory();
  const started = Date.now();
  const bodies = Array.from({ length: SENDERS }, (_, index) => notification(BODY_BYTES, index));
  const statuses = await Promise.all(bodies.map(send));
  const counts: Record<string, number> = {};
  for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
  const after = memory();
  const seconds = (Date.now() - started) / 1_000;
  const result = { root, senders: SENDERS, bodyBytes: BODY_BYTES, seconds, statuses: counts };
  const rss = { rssBeforeMiB: before.rss, peakRssMiB: after.peak, rssAfterMiB: after.rss };
  process.stdout.write(`${JSON.stringify({ ...result, ...rss })}\n`);
  if (process.argv[2] === undefined) writeSection(counts, seconds, before.rss, after.peak);
} finally {
  bot.kill('SIGTERM');
  await new Promise((done) => bot.once('exit', done));
  rmSync(dir, { recursive: true, force: true });
}

function writeSection(counts: Record<string, number>, seconds: number, before: number, peak: number): void {
  const answers = Object.entries(counts)
    .map(([status, count]) => `${count} × ${status === '0' ? 'no answer' : status}`)
    .join(', ');
  const markdown = `## Slow large bodies: \`npm run bench:slow-bodies\`

${new Date().toISOString().slice(0, 10)}, Node ${process.versions.node}. ${SENDERS} senders at once, each a WebHook of ${BODY_BYTES} bytes sent ${CHUNK_BYTES / 1024} KiB every ${CHUNK_EVERY_MS} ms, against \`node src/main.ts\` on loopback (SQLite store in a temporary folder). Resident memory from /proc.

| answers | took | RSS before | peak RSS |
|---|---|---|---|
| ${answers} | ${seconds.toFixed(1)} s | ${before} MiB | ${peak} MiB |

Target (issue 10, item 17): peak RSS under ~300 MiB whatever the senders do. Before the body budget the same run peaked at 938–1,186 MiB with 200 × 202. The budget (\`BODY_BUDGET_BYTES\`, 12 MiB) answers the senders beyond it \`503\` with \`Retry-After\`.`;
  writeBenchmarkSection(join(import.meta.dirname, '..', 'BENCHMARKS.md'), 'slow-bodies', markdown);
}
