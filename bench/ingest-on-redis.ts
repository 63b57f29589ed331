/**
 * The Redis part of `npm run bench:ingest`: bot processes as `npm start` runs them, sharing a private
 * Redis (BullMQ work queue), first one process with every connection, then three replicas with the
 * connections spread over them, each processing what any of them accepted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JobQueue } from '../src/queue/job-queue.ts';
import { createBullmqQueue } from '../src/storage/create-bullmq-queue.ts';
import { startPrivateRedis } from '../test/faults/private-redis.ts';
import { type LoadFigures, type LoadOptions, loadFromProcess, loadSpread } from './load-from-process.ts';
import { readProcessedCount } from './read-processed-count.ts';
import { type BotProcess, spawnBotProcess } from './spawn-bot-process.ts';

export interface RedisIngestOptions extends LoadOptions {
  api: { url: string; apiKey: string };
  secret: string;
  drainTimeoutMs: number;
}

export interface RedisIngestFigures {
  single: LoadFigures;
  replicas: LoadFigures;
  /** Events delivered or dropped as duplicates, summed over the three replicas, after both runs. */
  processed: number;
  drainMs: [number, number];
}

export async function benchIngestOnRedis(options: RedisIngestOptions): Promise<RedisIngestFigures> {
  // AOF with fsync every second, as compose.yaml runs it: a 202 is durable to the engine.
  const redis = await startPrivateRedis({ appendfsync: 'everysec' });
  const dir = mkdtempSync(join(tmpdir(), 'bench-ingest-redis-'));
  const bots: BotProcess[] = [];
  // The bench's own look at the shared queue (the queue port's stats, as the in-process run uses):
  // the replicas' /metrics would scan every job hash for its per-kind gauges at each look.
  const queue = createBullmqQueue({ url: redis.url });
  const spawnReplica = async () => {
    const env = {
      STORE_URL: redis.url,
      SEKOIA_WEBHOOK_SECRET: options.secret,
      SEKOIA_API_URL: options.api.url,
      SEKOIA_API_KEY: options.api.apiKey,
      // The schema's maximum, per process: what is measured is ingest, the drain only checks for loss.
      SEKOIA_API_RATE: '100',
      LOG_LEVEL: 'silent',
    };
    const bot = await spawnBotProcess({ cwd: dir, env });
    bots.push(bot);
    return `${bot.url}/hooks/sekoia/${options.secret}`;
  };
  try {
    const first = await spawnReplica();
    const single = await loadFromProcess(first, options);
    const firstDrainMs = await drain(queue, options.drainTimeoutMs);
    const urls = [first, await spawnReplica(), await spawnReplica()];
    const replicas = await loadSpread(urls, options);
    const secondDrainMs = await drain(queue, options.drainTimeoutMs);
    const counts = await Promise.all(bots.map((bot) => readProcessedCount(bot.url)));
    const processed = counts.reduce((sum, count) => sum + count, 0);
    const accepted = single.ok + replicas.ok;
    // Requests in flight when autocannon stops are processed but not counted by it: processed ≥ 2xx.
    if (processed < accepted)
      throw new Error(`on Redis only ${processed} of ${accepted} accepted events were processed`);
    return { single, replicas, processed, drainMs: [firstDrainMs, secondDrainMs] };
  } finally {
    await Promise.all(bots.map((bot) => bot.stop()));
    await queue.close();
    await redis.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Waits until the shared queue is empty; returns how long that took. */
async function drain(queue: JobQueue, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while ((await queue.stats()).pending > 0) {
    if (Date.now() - started > timeoutMs) throw new Error('the queue on Redis did not drain in time');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return Date.now() - started;
}
