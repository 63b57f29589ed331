import { join } from 'node:path';
import cron from 'node-cron';
import { afterEach, describe, expect, it } from 'vitest';
import { DEDUPE_RETENTION_MS } from '../../src/app.ts';
import { createManualClock } from '../../src/clock.ts';
import { openSqlite } from '../../src/sqlite/open-sqlite.ts';
import { type FakeSekoia, startFakeSekoia } from '../fakes/fake-sekoia/index.ts';
import { startBot, type TestBot } from '../integration/start-bot.ts';

describe('the app scheduler', () => {
  let bot: TestBot | undefined;
  let sekoia: FakeSekoia | undefined;
  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
    await sekoia?.close();
    sekoia = undefined;
  });

  it('prunes old dedupe keys, hourly through node-cron, shown by status and /metrics', async () => {
    const before = cron.getTasks().size;
    const clock = createManualClock();
    bot = await startBot({ clock, env: { SEKOIA_API_KEY: 'key-for-the-watchers-not-called-here' } });
    expect(cron.getTasks().size).toBe(before + 4);
    const [task] = [...cron.getTasks().values()].filter((t) => t.name === 'dedupe-prune');
    expect(task?.getPattern()).toBe('0 * * * *');

    // Dedupe keys as the queue keeps them, one past its retention (the queue shares the store's file).
    const db = openSqlite(join(bot.dataDir, 'bot.sqlite'));
    const insert = db.prepare('INSERT INTO queue_dedupe (key, job_id, created_at) VALUES (?, ?, ?)');
    insert.run('old', 1, clock.now() - DEDUPE_RETENTION_MS - 1);
    insert.run('recent', 2, clock.now() - DEDUPE_RETENTION_MS + 60_000);

    const record = await bot.app.scheduler.runNow('dedupe-prune');
    const keys = db.prepare('SELECT key FROM queue_dedupe ORDER BY key').all();
    db.close();
    expect(keys).toEqual([{ key: 'recent' }]);
    expect(record).toMatchObject({ job: 'dedupe-prune', result: 'ok', startedAt: clock.now() });
    const status = await bot.app.scheduler.status();
    expect(status.map((job) => job.job)).toEqual([
      'dedupe-prune',
      'rules-catalog-poll',
      'intake-silence-check',
      'catch-up',
    ]);
    expect(status[0]?.lastSuccessAt).toBe(clock.now());
    const metrics = await (await fetch(`${bot.url}/metrics`)).text();
    expect(metrics).toContain('sekoia_chatops_scheduled_runs_total{job="dedupe-prune",result="ok"} 1');

    await bot.stop();
    bot = undefined;
    expect(cron.getTasks().size).toBe(before);
  });

  it('runs the watchers on RULES_CATALOG_POLL_CRON and INTAKE_SILENCE_CHECK_CRON; the first catalog poll only records', async () => {
    sekoia = await startFakeSekoia({});
    sekoia.addCatalogRule({ name: 'Already in the catalog' });
    bot = await startBot({
      env: {
        SEKOIA_API_URL: sekoia.url,
        SEKOIA_API_KEY: sekoia.apiKey,
        SEKOIA_APP_URL: sekoia.appUrl,
        RULES_CATALOG_POLL_CRON: '* * * * * *',
        INTAKE_SILENCE_CHECK_CRON: '*/2 * * * * *',
        CATCH_UP_CRON: '*/2 * * * * *',
      },
    });
    const patterns = new Map([...cron.getTasks().values()].map((task) => [task.name, task.getPattern()]));
    expect(patterns.get('rules-catalog-poll')).toBe('* * * * * *');
    expect(patterns.get('intake-silence-check')).toBe('*/2 * * * * *');
    expect(patterns.get('catch-up')).toBe('*/2 * * * * *');

    const app = bot.app;
    const lastSuccess = async (job: string) =>
      (await app.scheduler.status()).find((status) => status.job === job)?.lastSuccessAt ?? null;
    await expect.poll(() => lastSuccess('rules-catalog-poll'), { timeout: 5_000 }).not.toBeNull();
    await expect.poll(() => lastSuccess('intake-silence-check'), { timeout: 5_000 }).not.toBeNull();
    await expect.poll(() => lastSuccess('catch-up'), { timeout: 5_000 }).not.toBeNull();
    expect(bot.delivery.delivered).toEqual([]);

    sekoia.addCatalogRule({ name: 'Added since the first poll' });
    const delivery = bot.delivery;
    await expect
      .poll(() => JSON.stringify(delivery.delivered), { timeout: 5_000 })
      .toContain('Added since the first poll');
    expect(JSON.stringify(delivery.delivered)).not.toContain('Already in the catalog');
  });
});
