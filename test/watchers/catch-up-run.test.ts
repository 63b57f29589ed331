import Keyv from 'keyv';
import { beforeEach, describe, expect, it } from 'vitest';
import { createManualClock, type ManualClock } from '../../src/clock.ts';
import type { AlertState } from '../../src/delivery/alert-state-store.ts';
import { createLogger } from '../../src/log.ts';
import type { NewJob } from '../../src/queue/job-queue.ts';
import type { SekoiaAlert } from '../../src/sekoia/alert-schema.ts';
import type { ListAlertsInput } from '../../src/sekoia/list-alerts-query.ts';
import { readCatchUpReport } from '../../src/watchers/catch-up-records.ts';
import { createCatchUpRun } from '../../src/watchers/create-catch-up-run.ts';
import { listedAlert, stateObservedAt } from './catch-up-alerts.ts';

const log = createLogger({ level: 'silent' });
const T0 = 1_796_000_000_000;
const S0 = T0 / 1_000;

/** The listing as Sekoia.io serves it: `date[updated_at]` both ends included, sorted, paged. */
function listing(alerts: () => SekoiaAlert[]) {
  const calls: ListAlertsInput[] = [];
  return {
    calls,
    async listAlerts(input: ListAlertsInput) {
      calls.push(input);
      const { from = 0, to = Number.POSITIVE_INFINITY } = input.updated ?? {};
      const sorted = alerts()
        .filter((alert) => (alert.updated_at ?? 0) * 1_000 >= from && (alert.updated_at ?? 0) * 1_000 <= to)
        .sort((a, b) => (a.updated_at ?? 0) - (b.updated_at ?? 0) || a.uuid.localeCompare(b.uuid));
      const offset = input.offset ?? 0;
      const items = sorted.slice(offset, offset + input.limit);
      return { items, unreadable: 0, size: items.length };
    },
  };
}

describe('catch-up run (a listing, the alert states, the records)', () => {
  let clock: ManualClock;
  let alerts: SekoiaAlert[];
  let states: Map<string, AlertState>;
  let records: Keyv;
  let jobs: NewJob[];
  let opened: { id: string; expected: readonly string[] }[];
  let source: ReturnType<typeof listing>;

  const build = (more: { summaryOver?: number; maxPages?: number } = {}) =>
    createCatchUpRun({
      sekoia: source,
      states: { get: async (uuid) => states.get(uuid) },
      records,
      ledger: { open: async (batch) => void opened.push(batch) },
      enqueue: async (job) => jobs.push(job),
      clock,
      summaryOver: more.summaryOver ?? 20,
      ...(more.maxPages ? { maxPages: more.maxPages } : {}),
    });
  const run = (body = build()) => body({ signal: new AbortController().signal, log });
  const queued = () =>
    jobs.map((job) => JSON.parse(job.payload).event as { action: string; attributes: { uuid: string } });

  beforeEach(() => {
    clock = createManualClock(T0);
    alerts = [];
    states = new Map();
    records = new Keyv();
    jobs = [];
    opened = [];
    source = listing(() => alerts);
  });

  it('only records where it starts on its first run, then lists from there oldest first', async () => {
    alerts.push(listedAlert(1, S0 - 3_600));
    expect(await run()).toMatchObject({ first: true, listed: 0 });
    expect(source.calls).toEqual([]);
    expect(jobs).toEqual([]);

    alerts.push(listedAlert(2, S0 + 30));
    clock.set(T0 + 60_000);
    expect(await run()).toMatchObject({ first: false, listed: 1, missed: 1, newToBot: 1 });
    expect(source.calls[0]).toMatchObject({
      sort: 'updated_at',
      direction: 'asc',
      updated: { to: T0 + 60_000 },
    });
    expect(queued()).toEqual([{ type: 'alert', action: 'created', attributes: { uuid: alerts[1]?.uuid } }]);
    expect(jobs[0]?.dedupeKeys).toEqual([`catch-up:${alerts[1]?.uuid}:${S0 + 30}`]);
  });

  it('queues an update for an alert read before its last change, nothing for one read after', async () => {
    await run();
    const changed = listedAlert(1, S0 + 10);
    const seen = listedAlert(2, S0 + 10);
    alerts.push(changed, seen);
    states.set(changed.uuid, stateObservedAt(changed.uuid, T0 + 5_000));
    states.set(seen.uuid, stateObservedAt(seen.uuid, T0 + 11_000));
    clock.set(T0 + 60_000);
    expect(await run()).toMatchObject({ listed: 2, missed: 1, newToBot: 0 });
    expect(queued()).toEqual([{ type: 'alert', action: 'updated', attributes: { uuid: changed.uuid } }]);

    // The next run skips what this one queued (its job may still wait) and lists from the watermark.
    clock.set(T0 + 120_000);
    jobs = [];
    expect(await run()).toMatchObject({ missed: 0 });
    expect(source.calls.at(-1)?.updated?.from).toBe((S0 + 10 - 60) * 1_000);
  });

  it('queues an alert new to the bot but raised before the span as an update', async () => {
    await run();
    const old = { ...listedAlert(1, S0 + 10), created_at: S0 - 86_400 };
    alerts.push(old);
    clock.set(T0 + 60_000);
    expect(await run()).toMatchObject({ missed: 1, newToBot: 1 });
    expect(queued()).toEqual([{ type: 'alert', action: 'updated', attributes: { uuid: old.uuid } }]);
  });

  it('stops at its page bound and goes on at the next run from where it stopped', async () => {
    await run();
    for (let n = 1; n <= 250; n += 1) alerts.push(listedAlert(n, S0 + n));
    clock.set(T0 + 3_600_000);
    const bounded = build({ maxPages: 2, summaryOver: 1_000 });
    expect(await run(bounded)).toMatchObject({ listed: 200, missed: 200, more: true });
    expect(await run(bounded)).toMatchObject({ missed: 50, more: false });
    expect(new Set(queued().map((event) => event.attributes.uuid)).size).toBe(250);
    expect(jobs).toHaveLength(250);
  });

  it('stops listing after two minutes, whatever the pages left', async () => {
    await run();
    for (let n = 1; n <= 450; n += 1) alerts.push(listedAlert(n, S0 + n));
    clock.set(T0 + 3_600_000);
    const slow = listing(() => alerts);
    source = {
      calls: slow.calls,
      listAlerts: async (input) => {
        clock.set(clock.now() + 70_000);
        return slow.listAlerts(input);
      },
    };
    expect(await run(build({ summaryOver: 1_000 }))).toMatchObject({ listed: 200, more: true });
    expect(slow.calls).toHaveLength(2);
  });

  it('opens a batch when it queues more than the summary threshold, before queuing them', async () => {
    await run();
    for (let n = 1; n <= 3; n += 1) alerts.push(listedAlert(n, S0 + n));
    clock.set(T0 + 60_000);
    expect(await run(build({ summaryOver: 3 }))).toMatchObject({ missed: 3, batchId: null });
    expect(opened).toEqual([]);
    alerts.push(listedAlert(4, S0 + 70), listedAlert(5, S0 + 71));
    for (let n = 6; n <= 7; n += 1) alerts.push(listedAlert(n, S0 + 70 + n));
    clock.set(T0 + 120_000);
    const result = await run(build({ summaryOver: 3 }));
    expect(result).toMatchObject({ missed: 4, newToBot: 4, batchId: `catch-up-${T0 + 120_000}` });
    expect(opened).toEqual([
      { id: `catch-up-${T0 + 120_000}`, expected: alerts.slice(3).map((a) => a.uuid), summaryOver: 3 },
    ]);
    expect(await readCatchUpReport(records)).toMatchObject({ missed: 4, summaries: 0 });
  });
});
