import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock, type ManualClock } from '../../src/clock.ts';
import { BotError, isBotError } from '../../src/errors.ts';
import { readSchedulerStatus } from '../../src/scheduler/job-status.ts';
import type { LeaseStore } from '../../src/scheduler/lease-store.ts';
import type { ScheduledJob } from '../../src/scheduler/scheduled-job.ts';
import { defineScheduledJobs } from '../../src/scheduler/scheduled-jobs.ts';
import { createStore, type Store } from '../../src/storage/create-store.ts';
import { captureLog } from '../storage/capture-log.ts';
import { createGate } from './gate.ts';
import { startReplica, testJob } from './start-replica.ts';

describe('createScheduler', () => {
  let store: Store;
  let clock: ManualClock;
  const replica = (jobs: ScheduledJob[], owner = 'replica-a') =>
    startReplica({ jobs, leases: store.leases({ clock }), status: store.keyv('scheduler'), clock, owner });

  beforeEach(async () => {
    store = await createStore({ url: 'sqlite://:memory:', log: captureLog().log });
    clock = createManualClock();
  });
  afterEach(async () => {
    await store.close();
  });

  it('never starts a run while the previous run of that job still runs here; the skipped tick is recorded', async () => {
    const gate = createGate();
    const { scheduler, runs, log } = replica([testJob('slow', gate.body)]);

    const first = scheduler.runNow('slow');
    await gate.started();
    clock.advance(5 * 60_000);
    const second = await scheduler.runNow('slow');

    expect(second).toMatchObject({ job: 'slow', result: 'skipped-overlap', owner: 'replica-a' });
    expect(gate.runs).toBe(1);
    expect(await runs('slow', 'skipped-overlap')).toBe(1);
    const skipLine = log.records().find((record) => record.msg?.toString().includes('still running'));
    expect(skipLine).toMatchObject({ job: 'slow', level: 40 });
    const [status] = await scheduler.status();
    expect(status?.lastSkip).toMatchObject({ result: 'skipped-overlap' });
    expect(status?.lastRun).toBeNull();

    gate.open();
    expect((await first).result).toBe('ok');
    expect((await scheduler.runNow('slow')).result).toBe('ok');
    expect(await runs('slow', 'ok')).toBe(2);
  });

  it('also skips a cron tick that comes while the job runs', async () => {
    const gate = createGate();
    const { scheduler, cron, runs } = replica([testJob('slow', gate.body)]);
    scheduler.start();
    cron.fire('slow');
    await gate.started();
    cron.fire('slow');
    await expect.poll(() => runs('slow', 'skipped-overlap')).toBe(1);
    gate.open();
    await scheduler.stop();
    expect(gate.runs).toBe(1);
    expect(await runs('slow', 'ok')).toBe(1);
  });

  it('captures a failure: logged with the job and its code, counted, shown by status; the next tick runs again', async () => {
    let fail = true;
    const job = testJob('flaky', async () => {
      if (fail) throw new BotError('sekoia_unavailable', { message: 'Sekoia.io answered 503' });
    });
    const { scheduler, runs, log, metrics } = replica([job]);

    const failed = await scheduler.runNow('flaky');
    expect(failed).toMatchObject({ result: 'error', errorCode: 'sekoia_unavailable' });
    expect(await runs('flaky', 'error')).toBe(1);
    const line = log.records().find((record) => record.msg === 'scheduled job failed');
    expect(line).toMatchObject({ level: 50, job: 'flaky', code: 'sekoia_unavailable' });
    let [status] = await scheduler.status();
    expect(status).toMatchObject({
      job: 'flaky',
      lastRun: { result: 'error', errorCode: 'sekoia_unavailable' },
      lastSuccessAt: null,
    });

    fail = false;
    clock.advance(5 * 60_000);
    expect((await scheduler.runNow('flaky')).result).toBe('ok');
    [status] = await scheduler.status();
    expect(status).toMatchObject({ lastRun: { result: 'ok' }, lastSuccessAt: clock.now() });
    expect(status?.lastRun?.errorCode).toBeUndefined();
    const { values } = await metrics.scheduledLastSuccess.get();
    expect(values).toEqual([{ labels: { job: 'flaky' }, value: clock.now() / 1000 }]);
  });

  it('gives job_failed to errors without a code, thrown synchronously or not', async () => {
    const { scheduler } = replica([
      testJob('sync', () => {
        throw new TypeError('boom');
      }),
      testJob('async', async () => Promise.reject(new Error('boom'))),
    ]);
    expect(await scheduler.runNow('sync')).toMatchObject({ result: 'error', errorCode: 'job_failed' });
    expect(await scheduler.runNow('async')).toMatchObject({ result: 'error', errorCode: 'job_failed' });
  });

  it('records a tick as store_unavailable when the lease store cannot answer, without throwing', async () => {
    const { scheduler, runs, log } = replica([testJob('any', async () => undefined)]);
    await store.close();
    expect(await scheduler.runNow('any')).toMatchObject({ result: 'error', errorCode: 'store_unavailable' });
    expect(await runs('any', 'error')).toBe(1);
    expect(log.lines.some((line) => line.includes('could not record the scheduled run'))).toBe(true);
  });

  it('shows every declared job in status, from any replica, including those that never ran', async () => {
    const { scheduler } = replica([
      testJob('ran', async () => undefined),
      testJob('idle', async () => undefined, { cron: '0 3 * * *' }),
    ]);
    await scheduler.runNow('ran');
    const status = await readSchedulerStatus({
      records: store.keyv('scheduler'),
      jobs: [
        { name: 'ran', cron: '*/5 * * * *' },
        { name: 'idle', cron: '0 3 * * *' },
      ],
    });
    expect(status).toEqual([
      {
        job: 'ran',
        cron: '*/5 * * * *',
        lastRun: {
          job: 'ran',
          result: 'ok',
          owner: 'replica-a',
          startedAt: clock.now(),
          endedAt: clock.now(),
        },
        lastSkip: null,
        lastSuccessAt: clock.now(),
      },
      { job: 'idle', cron: '0 3 * * *', lastRun: null, lastSkip: null, lastSuccessAt: null },
    ]);
    expect(await scheduler.status()).toEqual(status);
  });

  it('reads an unreadable status entry as no entry', async () => {
    await store.keyv('scheduler').set('odd:last-run', { result: 'maybe' });
    const [status] = await readSchedulerStatus({
      records: store.keyv('scheduler'),
      jobs: [{ name: 'odd', cron: '* * * * *' }],
    });
    expect(status?.lastRun).toBeNull();
  });

  it('rejects a bad cron expression when created, naming the job', () => {
    const create = (cron: string) => () =>
      replica([
        testJob('good', async () => undefined),
        testJob('rules-poll', async () => undefined, { cron }),
      ]);
    expect(create('*/5 * * * *')).not.toThrow();
    expect(create('0 */10 * * * *')).not.toThrow();
    for (const bad of ['every hour', '61 * * * *', '* * * *', '']) {
      let error: unknown;
      try {
        create(bad)();
      } catch (caught) {
        error = caught;
      }
      expect(isBotError(error, 'config_invalid')).toBe(true);
      expect((error as Error).message).toContain('"rules-poll"');
      expect(error).toMatchObject({ details: { job: 'rules-poll', cron: bad } });
    }
  });

  it('rejects a job table with a name used twice, a bad name or a bad lease', () => {
    const noop = async () => undefined;
    expect(() => replica([testJob('twice', noop), testJob('twice', noop)])).toThrow(
      /"twice": the name is used twice/,
    );
    expect(() => replica([testJob('Not kebab', noop)])).toThrow(/kebab-case/);
    expect(() => replica([testJob('zero', noop, { leaseMs: 0 })])).toThrow(/leaseMs/);
  });

  it('schedules every job with its expression on start, and stop() cancels them and waits for the running ones', async () => {
    const gate = createGate();
    const { scheduler, cron } = replica([
      testJob('slow', gate.body),
      testJob('nightly', async () => undefined, { cron: '0 3 * * *' }),
    ]);
    expect(cron.scheduled().size).toBe(0);
    scheduler.start();
    expect(cron.scheduled()).toEqual(
      new Map([
        ['slow', '*/5 * * * *'],
        ['nightly', '0 3 * * *'],
      ]),
    );

    cron.fire('slow');
    await gate.started();
    let stopped = false;
    const stopping = scheduler.stop().then(() => {
      stopped = true;
    });
    expect(cron.scheduled().size).toBe(0);
    await Promise.resolve();
    expect(stopped).toBe(false);
    gate.open();
    await stopping;
    const [status] = await scheduler.status();
    expect(status?.lastRun?.result).toBe('ok');
    await expect(scheduler.runNow('slow')).rejects.toSatisfy((error) => isBotError(error, 'shutting_down'));
  });

  it('lets a renewal in flight land before freeing the lease, so the lease is not taken again after the run', async () => {
    const leases = store.leases({ clock });
    let pause: Promise<void> | undefined;
    let resume: () => void = () => undefined;
    const slowRenewals: LeaseStore = {
      acquire: async (...args) => {
        if (pause) await pause;
        return leases.acquire(...args);
      },
      release: (...args) => leases.release(...args),
    };
    const gate = createGate();
    const { scheduler, timers } = startReplica({
      jobs: [testJob('long', gate.body)],
      leases: slowRenewals,
      status: store.keyv('scheduler'),
      clock,
      owner: 'replica-a',
    });
    const run = scheduler.runNow('long');
    await gate.started();
    clock.advance(30_000);
    pause = new Promise((resolve) => {
      resume = resolve;
    });
    const renewal = timers.fire();
    gate.open();
    await new Promise(setImmediate);
    resume();
    expect((await run).result).toBe('ok');
    await renewal;
    expect(await leases.acquire('long', 'replica-b', 60_000)).toBe(true);
  });

  it('declares the jobs in one table, with valid expressions; a job without a body is not scheduled', () => {
    const noop = async () => undefined;
    expect(defineScheduledJobs({ pruneDedupe: noop }).map((job) => job.name)).toEqual(['dedupe-prune']);
    const all = defineScheduledJobs({ pruneDedupe: noop, pollRulesCatalog: noop, checkIntakeSilence: noop });
    const { scheduler, cron } = replica(all);
    scheduler.start();
    expect(cron.scheduled()).toEqual(
      new Map([
        ['dedupe-prune', '0 * * * *'],
        ['rules-catalog-poll', '*/15 * * * *'],
        ['intake-silence-check', '*/5 * * * *'],
      ]),
    );
  });

  it("takes the operator's schedules, with leases that fit periods of a few seconds", async () => {
    const noop = async () => undefined;
    const bodies = { pruneDedupe: noop, pollRulesCatalog: noop, checkIntakeSilence: noop, catchUp: noop };
    const jobs = defineScheduledJobs(bodies, {
      rulesCatalogPoll: '*/4 * * * * *',
      intakeSilenceCheck: '0 */2 * * *',
      catchUp: '*/10 * * * *',
    });
    const byName = new Map(jobs.map((job) => [job.name, job]));
    expect(byName.get('rules-catalog-poll')).toMatchObject({
      cron: '*/4 * * * * *',
      leaseMs: 4_000,
      holdMs: 2_000,
    });
    expect(byName.get('intake-silence-check')).toMatchObject({ leaseMs: 4 * 60_000, holdMs: 30_000 });
    expect(byName.get('catch-up')).toMatchObject({ cron: '*/10 * * * *', leaseMs: 4 * 60_000 });
    expect(byName.get('dedupe-prune')).toMatchObject({ leaseMs: 10 * 60_000, holdMs: 30_000 });

    // Two replicas, the second one's cron firing one period later: it runs, the tick is not held.
    const a = replica(jobs, 'replica-a');
    const b = replica(jobs, 'replica-b');
    expect((await a.scheduler.runNow('rules-catalog-poll')).result).toBe('ok');
    expect((await b.scheduler.runNow('rules-catalog-poll')).result).toBe('skipped-lease');
    clock.advance(4_000);
    expect((await b.scheduler.runNow('rules-catalog-poll')).result).toBe('ok');
  });

  it('refuses to run a job it does not know', async () => {
    const { scheduler } = replica([]);
    await expect(scheduler.runNow('nope')).rejects.toThrow(/no scheduled job named nope/);
  });

  it('runs a replica-scoped job on every replica, still one at a time on each', async () => {
    const ran: string[] = [];
    const local = (owner: string) =>
      testJob('local-prune', async () => void ran.push(owner), { scope: 'replica' });
    const a = replica([local('a')], 'replica-a');
    const b = replica([local('b')], 'replica-b');
    expect((await a.scheduler.runNow('local-prune')).result).toBe('ok');
    expect((await b.scheduler.runNow('local-prune')).result).toBe('ok');
    expect(ran).toEqual(['a', 'b']);
    expect(a.timers.live()).toBe(0);
  });
});
