import { cpus } from 'node:os';
import type { RedisIngestFigures } from './ingest-on-redis.ts';
import type { LoadFigures } from './load-from-process.ts';

export interface IngestFigures {
  connections: number;
  durationS: number;
  bare: LoadFigures;
  /** In-process bot on SQLite, worker stopped. */
  ingest: LoadFigures;
  /** In-process bot on SQLite, worker running. */
  busy: LoadFigures;
  /** Events processed by the in-process bot after its two runs. */
  processed: number;
  drainMs: [number, number];
  redis: RedisIngestFigures;
  /** The idle process (issue 17): footprint-table.ts's table of `footprintRuns` runs. */
  footprint: string;
  footprintRuns: number;
}

/** The `ingest` section of BENCHMARKS.md. */
export function ingestSection(f: IngestFigures): string {
  const ratio = (r: LoadFigures) => `${((r.reqPerSec / f.bare.reqPerSec) * 100).toFixed(1)} %`;
  const row = (name: string, r: LoadFigures, vsBare = ratio(r)) =>
    `| ${name} | ${r.reqPerSec.toFixed(0)} | ${vsBare} | ${r.p50Ms} | ${r.p99Ms} | ${r.ok} | ${r.errors} |`;
  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  const { redis } = f;
  const shares = spread(f.connections, 3).join(' + ');
  return `## Ingest: \`npm run bench:ingest\`

${new Date().toISOString().slice(0, 10)}, Node ${process.versions.node}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}. autocannon in its own process, ${f.connections} connections in total, ${f.durationS} s per run, one fresh alert notification per request (500 alerts served by a fake Sekoia.io API in its own process). Logs off (\`LOG_LEVEL=silent\`). All rows come from the same run.

| server | req/s (mean) | vs bare | p50 ms | p99 ms | 2xx | errors |
|---|---|---|---|---|---|---|
${row('bare node:http, answers 202 after reading the body', f.bare, '100 %')}
${row('sekoia-chatops WebHook, in-process, SQLite, processing paused', f.ingest)}
${row('sekoia-chatops WebHook, in-process, SQLite, worker enriching and delivering meanwhile', f.busy)}
${row('ingest, 1 process on Redis, worker processing meanwhile', redis.single)}
${row(`ingest, 3 replicas on Redis (${shares} connections), workers processing meanwhile`, redis.replicas)}

Targets (issue #2): ≥ 60 % of the bare server's req/s, p99 < 20 ms.

The process at rest (issue 17), measured between the SQLite and the Redis rows, while nothing else runs: the bot as \`npm start\` runs it, both platforms on (Mattermost on a fake server, Teams always on), a fake Sekoia.io, SQLite in a temporary directory; spawn to the first 200 of \`/healthz\` (polled every 5 ms), the CPU the process had used by then, VmRSS and the V8 heap 5 s later; median (range) of ${f.footprintRuns} runs (\`npm run bench:footprint\` runs it alone). Targets: idle RSS < 120 MB, start to healthy < 1 s.

${f.footprint}

SQLite rows: the app in the script's process. Every 202 is an fsync'd SQLite commit (WAL, \`synchronous=FULL\`, group commit in the queue's own thread). After each run the queue drained (${seconds(f.drainMs[0])} s and ${seconds(f.drainMs[1])} s), and ${f.processed} events had been enriched through the API and delivered, at least the ${f.ingest.ok + f.busy.ok} answered 202 (the rest were in flight when a run stopped); the script checks it.

Redis rows (issue #13): the bot as \`npm start\` runs it (\`node --expose-gc --max-semi-space-size=16 --max-old-space-size=512 dist/main.js\`, compiled by \`npm run build\`), each process its own, with \`STORE_URL\` on a \`redis-server\` the script starts for itself (\`--appendonly yes --appendfsync everysec --save ""\`, as README and compose.yaml recommend: a 202 is in Redis's append-only file, fsync'd within the second), so the work queue is BullMQ, shared by the processes; \`SEKOIA_API_RATE=100\` (its maximum) per process. There is no load balancer: on 2 cores a proxy in JavaScript would be the bottleneck, so the replicas row is three autocannon processes run at once, one per replica, with ${shares} connections: req/s, 2xx and errors summed, p50 and p99 the worst of the three. Each replica takes jobs from the shared queue while the load runs, whichever replica accepted them. The three replicas, the three load generators, Redis and the fake API share the machine's ${cpus().length} cores, so the row shows what replicas cost or give on one machine, not how they scale across machines. The shared queue drained in ${seconds(redis.drainMs[0])} s after the one-process run (one process working) and in ${seconds(redis.drainMs[1])} s after the replicas' run (three working); ${redis.processed} events were processed over the replicas (\`/metrics\`: deliveries plus duplicates dropped), at least the ${redis.single.ok + redis.replicas.ok} answered 202; the script checks it.`;
}

/** `total` connections over `parts` load processes, as loadSpread shares them. */
function spread(total: number, parts: number): number[] {
  return Array.from(
    { length: parts },
    (_, index) => Math.floor(total / parts) + (index < total % parts ? 1 : 0),
  );
}
