import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock, type ManualClock } from '../../src/clock.ts';
import { createStormLedger, type StormLedger } from '../../src/delivery/create-storm-ledger.ts';
import {
  ROLLUP_JOB,
  rollupDeliveryJob,
  STORM_CALM_JOB,
  stormCalmJob,
} from '../../src/delivery/rollup-jobs.ts';
import type { StormStore } from '../../src/delivery/storm-store.ts';
import { createLogger } from '../../src/log.ts';
import type { NewJob } from '../../src/queue/job-queue.ts';
import { readJobPayload } from '../../src/queue/read-job-payload.ts';
import { createKeyvStormStore } from '../../src/storage/create-keyv-storm-store.ts';
import { createStore, type Store } from '../../src/storage/create-store.ts';
import { stormAlert } from './storm-alerts.ts';

const log = createLogger({ level: 'silent' });
const SOC = { platform: 'mattermost', team: 't', channel: 'soc' };
const OPS = { platform: 'mattermost', team: 't', channel: 'ops' };
const defaults = { budget: 3, windowMs: 300_000, ownCardAt: 'high' as const };

describe('storm ledger (budgets at dispatch time, real SQLite store)', () => {
  let dir: string;
  let store: Store;
  let storms: StormStore;
  let clock: ManualClock;
  let jobs: NewJob[];
  let ledger: StormLedger;
  const build = () =>
    createStormLedger({ store: storms, defaults, clock, enqueue: async (job) => jobs.push(job) });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'storm-'));
    clock = createManualClock(Date.UTC(2026, 2, 2, 14, 2));
    jobs = [];
    const open = async () => {
      store = await createStore({ url: `sqlite://${join(dir, 'bot.sqlite')}`, log });
      storms = createKeyvStormStore({ keyv: store.keyv('storm'), log });
    };
    await open();
    ledger = build();
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const admitted = async (n: number, more: Parameters<typeof stormAlert>[1] = {}, channels = [SOC]) =>
    (await ledger.admit(stormAlert(n, more), channels)).map((c) => c.channel);
  const queued = (kind: string) => jobs.filter((j) => j.kind === kind).length;
  const rollupOf = async (channel = SOC) => {
    const open = (await storms.openStorms()).find((s) => s.channel.channel === channel.channel);
    return open && storms.storm(channel, open.stormId);
  };

  it('gives the budget its cards, rolls the rest up per channel, and urgent alerts still get a card', async () => {
    const verdicts: string[][] = [];
    for (let n = 1; n <= 10; n += 1) {
      verdicts.push(await admitted(n, {}, n <= 2 ? [SOC, OPS] : [SOC]));
      clock.advance(100);
    }
    expect(verdicts.filter((v) => v.includes('soc'))).toHaveLength(3);
    expect(verdicts.filter((v) => v.includes('ops'))).toHaveLength(2);
    expect(await admitted(11, { urgency: 90 })).toEqual(['soc']);
    expect((await rollupOf())?.total).toBe(7);
    expect(await rollupOf(OPS)).toBeUndefined();
    // Ten alerts within one edit slot: one roll-up edit and one calm check queued, not one per alert.
    expect(queued(ROLLUP_JOB)).toBe(1);
    expect(queued(STORM_CALM_JOB)).toBe(1);
    // What the worker reads back: the storm of the channel, at the end of the slot and one window on.
    const stormId = (await rollupOf())?.stormId;
    const [edit, calm] = [ROLLUP_JOB, STORM_CALM_JOB].map((kind) => jobs.find((job) => job.kind === kind));
    expect(readJobPayload(rollupDeliveryJob, edit?.payload ?? '')).toEqual({
      ok: true,
      payload: { channel: SOC, stormId },
    });
    expect(readJobPayload(stormCalmJob, calm?.payload ?? '')).toEqual({
      ok: true,
      payload: { channel: SOC, stormId },
    });
    expect(edit?.runAt).toBe(Date.UTC(2026, 2, 2, 14, 2, 5));
    expect(calm?.runAt).toBe(Date.UTC(2026, 2, 2, 14, 7, 5));
  });

  it('refreshes the line of a rolled-up alert instead of giving it a card; a carded alert keeps its card', async () => {
    for (let n = 1; n <= 5; n += 1) await admitted(n);
    expect(await admitted(1, { status: 'Acknowledged' })).toEqual(['soc']);
    expect(await admitted(5, { status: 'Ongoing', urgency: 60 })).toEqual([]);
    // Not matched any more by the channel's rule: its line is kept current all the same.
    expect(await admitted(4, { urgency: 70 }, [])).toEqual([]);
    const state = await rollupOf();
    expect(state?.total).toBe(2);
    expect(state?.byLevel).toMatchObject({ medium: 2, low: 0 });
    expect(state?.newest.find((l) => l.uuid === 'a5')?.status).toBe('Ongoing');
  });

  it('closes the roll-up one calm window after its last alert, then opens a new one for the next storm', async () => {
    for (let n = 1; n <= 5; n += 1) await admitted(n);
    const stormId = (await rollupOf())?.stormId ?? '';
    clock.advance(200_000);
    await ledger.calm({ channel: SOC, stormId }, log);
    expect((await rollupOf())?.closedAt).toBeNull();
    clock.advance(105_000);
    await ledger.calm({ channel: SOC, stormId }, log);
    expect(await rollupOf()).toBeUndefined();
    expect((await storms.storm(SOC, stormId))?.closedAt).toBe(clock.now());
    expect(jobs.some((j) => j.dedupeKeys?.[0]?.endsWith(':closed'))).toBe(true);
    for (let n = 6; n <= 10; n += 1) await admitted(n);
    expect((await rollupOf())?.stormId).not.toBe(stormId);
    expect((await rollupOf())?.total).toBe(2);
  });

  it('follows a window lengthened mid-storm: the early check queues the next one', async () => {
    for (let n = 1; n <= 5; n += 1) await admitted(n);
    const stormId = (await rollupOf())?.stormId ?? '';
    await storms.setSetting(SOC, { budget: 3, windowMs: 600_000 });
    clock.advance(305_000);
    jobs = [];
    await ledger.calm({ channel: SOC, stormId }, log);
    expect((await rollupOf())?.closedAt).toBeNull();
    expect(jobs.map((j) => [j.kind, j.runAt])).toEqual([[STORM_CALM_JOB, Date.UTC(2026, 2, 2, 14, 12, 5)]]);
    clock.set(Date.UTC(2026, 2, 2, 14, 12, 5));
    await ledger.calm({ channel: SOC, stormId }, log);
    expect(await rollupOf()).toBeUndefined();
  });

  it('keeps the window and the roll-up across a restart', async () => {
    for (let n = 1; n <= 5; n += 1) await admitted(n);
    await store.close();
    store = await createStore({ url: `sqlite://${join(dir, 'bot.sqlite')}`, log });
    storms = createKeyvStormStore({ keyv: store.keyv('storm'), log });
    ledger = build();
    expect(await admitted(6)).toEqual([]);
    expect(await admitted(1)).toEqual(['soc']);
    expect((await rollupOf())?.total).toBe(3);
  });

  it('gives every alert a card where budgets are off', async () => {
    await storms.setSetting(SOC, { off: true });
    for (let n = 1; n <= 5; n += 1) expect(await admitted(n)).toEqual(['soc']);
  });
});
