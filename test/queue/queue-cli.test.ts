import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.ts';
import { createSqliteQueue } from '../../src/queue/create-sqlite-queue.ts';
import type { JobQueue } from '../../src/queue/job-queue.ts';
import { openSqlite } from '../../src/sqlite/open-sqlite.ts';

const run = promisify(execFile);
const SCRIPT = join(import.meta.dirname, '..', '..', 'scripts', 'queue.ts');
const SECRET = 'sk-THIS-MUST-NOT-SHOW-0123456789';
const ALERT_UUID = '0b6e1a6c-7c41-4c2e-9a55-2d5d1f0a3b11';

/**
 * `npm run queue` as an operator runs it: a child process reading the bot's configuration from its
 * environment, on the store file of a bot whose queue stays open meanwhile (as if it were running).
 */
describe('npm run queue', () => {
  let dir: string;
  let path: string;
  let bot: JobQueue;

  const cli = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await run(process.execPath, [SCRIPT, ...args], {
        cwd: dir,
        env: {
          PATH: process.env.PATH,
          SEKOIA_WEBHOOK_SECRET: 'cli-test-webhook-secret-0123456789',
          STORE_URL: `sqlite://${path}`,
        },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };

  /** A WebHook job that failed for good, carrying a secret its summary must not show. */
  const bury = async () => {
    const payload = JSON.stringify({
      receivedAt: 1,
      requestId: 'req-1',
      event: {
        type: 'alert',
        action: 'created',
        attributes: { uuid: ALERT_UUID, short_id: 'ALxyz' },
        apiKey: SECRET,
      },
    });
    const { jobId } = await bot.enqueue({ kind: 'sekoia-event', payload });
    await bot.claim(1, 60_000);
    await bot.bury(jobId, `Sekoia.io answered 500\n${SECRET}`);
    return jobId;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'queue-cli-'));
    path = join(dir, 'bot.sqlite');
    bot = createSqliteQueue({ db: openSqlite(path), clock: systemClock, ownsDb: true });
  });
  afterEach(async () => {
    await bot.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists a dead letter without its secret, then puts it back', async () => {
    const jobId = await bury();
    const listed = await cli('dead');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('1 dead letter:');
    expect(listed.stdout).toMatch(
      new RegExp(
        `^${jobId} {2}sekoia-event {2}\\d+ s old, 1 attempt {2}type=alert action=created uuid=${ALERT_UUID} short_id=ALxyz$`,
        'm',
      ),
    );
    expect(listed.stdout).toContain('reason: Sekoia.io answered 500');
    expect(listed.stdout + listed.stderr).not.toContain(SECRET);

    expect(await cli('retry', jobId)).toMatchObject({
      code: 0,
      stdout: `Dead letter ${jobId} is back in the queue.\n`,
    });
    expect(await bot.stats()).toMatchObject({ dead: 0, pending: 1 });
    expect((await bot.claim(1, 60_000)).jobs).toMatchObject([{ id: jobId, attempts: 1 }]);
    expect(await cli('retry', jobId)).toMatchObject({ code: 1 });
    expect((await cli('dead')).stdout).toBe('No dead letters.\n');
  });

  it('retries them all, and drops one for good', async () => {
    await bury();
    await bury();
    expect(await cli('retry', '--all')).toMatchObject({
      code: 0,
      stdout: '2 dead letters back in the queue.\n',
    });
    expect((await bot.stats()).dead).toBe(0);

    const jobId = await bury();
    expect(await cli('drop', jobId)).toMatchObject({ code: 0, stdout: `Dead letter ${jobId} dropped.\n` });
    expect(await bot.deadLetters(10)).toEqual([]);
    expect(await cli('drop', jobId)).toMatchObject({ code: 1 });
  });

  it('exits 2 with its usage on a bad command line', async () => {
    for (const args of [
      [],
      ['bogus'],
      ['retry'],
      ['drop', 'a b'],
      ['dead', '--limit', '0'],
      ['retry', '1', '2'],
    ]) {
      const result = await cli(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('Usage: npm run queue -- <command>');
    }
  });
});
