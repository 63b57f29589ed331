import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock, type ManualClock } from '../../src/clock.ts';
import { createMetrics, type Metrics } from '../../src/metrics/create-metrics.ts';
import type { JobQueue } from '../../src/queue/job-queue.ts';
import { startBot } from '../integration/start-bot.ts';
import { SQLITE_QUEUE_IMPLEMENTATIONS } from '../queue/sqlite-queue-implementations.ts';

const implementations = SQLITE_QUEUE_IMPLEMENTATIONS;

/** The sample lines of a /metrics text whose name starts with `prefix`, as `name{labels} value`. */
const samples = (text: string, prefix: string) =>
  text
    .split('\n')
    .filter((line) => line.startsWith(prefix))
    .sort();

describe.each(implementations)('queue metrics per job kind, embedded queue %s', (_name, open) => {
  let dir: string;
  let clock: ManualClock;
  let queue: JobQueue;
  let metrics: Metrics;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'queue-metrics-'));
    clock = createManualClock();
    queue = await open(join(dir, 'queue.sqlite'), clock);
    metrics = createMetrics({
      queueStats: () => queue.stats(),
      queueStatsByKind: () => queue.statsByKind(),
      defaultMetrics: false,
    });
  });
  afterEach(async () => {
    await queue.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const scrape = () => metrics.registry.metrics();

  it('counts jobs by kind and state, dead letters by kind, and the age of the oldest owed job', async () => {
    const running = await queue.enqueue({ kind: 'event', payload: '1' });
    const buried = await queue.enqueue({ kind: 'event', payload: '2' });
    clock.advance(5_000);
    const card = await queue.enqueue({ kind: 'card', payload: '3' });
    // Scheduled for later: not owed before then.
    await queue.enqueue({ kind: 'card', payload: '4', runAt: clock.now() + 55_000 });
    clock.advance(5_000);
    expect((await queue.claim(1, 60_000)).jobs.map((job) => job.id)).toEqual([running.jobId]);
    await queue.bury(buried.jobId, 'boom');
    clock.advance(20_000);

    const text = await scrape();
    expect(samples(text, 'sekoia_chatops_queue_jobs{')).toEqual([
      'sekoia_chatops_queue_jobs{kind="card",state="running"} 0',
      'sekoia_chatops_queue_jobs{kind="card",state="waiting"} 2',
      'sekoia_chatops_queue_jobs{kind="event",state="running"} 1',
      'sekoia_chatops_queue_jobs{kind="event",state="waiting"} 0',
    ]);
    expect(samples(text, 'sekoia_chatops_queue_dead_letters{')).toEqual([
      'sekoia_chatops_queue_dead_letters{kind="card"} 0',
      'sekoia_chatops_queue_dead_letters{kind="event"} 1',
    ]);
    expect(samples(text, 'sekoia_chatops_queue_oldest_job_age_seconds{')).toEqual([
      'sekoia_chatops_queue_oldest_job_age_seconds{kind="card"} 25',
      'sekoia_chatops_queue_oldest_job_age_seconds{kind="event"} 30',
    ]);
    // The totals agree with the existing gauge.
    expect(samples(text, 'sekoia_chatops_queue_depth{')).toEqual([
      'sekoia_chatops_queue_depth{state="dead"} 1',
      'sekoia_chatops_queue_depth{state="pending"} 3',
      'sekoia_chatops_queue_depth{state="running"} 1',
    ]);

    // A retried job is owed since it was created, however far its next try; a scheduled job once due.
    await queue.retry(running.jobId, { runAt: clock.now() + 3_600_000, error: 'later' });
    await queue.complete(card.jobId);
    clock.advance(40_000);
    const later = await scrape();
    expect(samples(later, 'sekoia_chatops_queue_oldest_job_age_seconds{')).toEqual([
      'sekoia_chatops_queue_oldest_job_age_seconds{kind="card"} 10',
      'sekoia_chatops_queue_oldest_job_age_seconds{kind="event"} 70',
    ]);
    expect(samples(later, 'sekoia_chatops_queue_jobs{kind="event"')).toEqual([
      'sekoia_chatops_queue_jobs{kind="event",state="running"} 0',
      'sekoia_chatops_queue_jobs{kind="event",state="waiting"} 1',
    ]);
  });

  it('drops a kind once it has no job left, and reads the queue once per scrape', async () => {
    const { jobId } = await queue.enqueue({ kind: 'card', payload: '1' });
    expect(samples(await scrape(), 'sekoia_chatops_queue_dead_letters{')).toEqual([
      'sekoia_chatops_queue_dead_letters{kind="card"} 0',
    ]);
    await queue.complete(jobId);
    let reads = 0;
    const counted = createMetrics({
      queueStats: () => queue.stats(),
      queueStatsByKind: () => {
        reads += 1;
        return queue.statsByKind();
      },
      defaultMetrics: false,
    });
    const text = await counted.registry.metrics();
    expect(samples(text, 'sekoia_chatops_queue_')).not.toContainEqual(expect.stringContaining('kind='));
    expect(text).toContain('# TYPE sekoia_chatops_queue_oldest_job_age_seconds gauge');
    expect(reads).toBe(1);
  });
});

describe('queue metrics per job kind in the running app', () => {
  it('are served on /metrics', async () => {
    const bot = await startBot();
    try {
      const text = await (await fetch(`${bot.url}/metrics`)).text();
      for (const name of ['queue_jobs', 'queue_dead_letters', 'queue_oldest_job_age_seconds']) {
        expect(text).toContain(`# TYPE sekoia_chatops_${name} gauge`);
      }
    } finally {
      await bot.stop();
    }
  });
});
