import { randomUUID } from 'node:crypto';
import type { Keyv } from 'keyv';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock, type ManualClock } from '../../src/clock.ts';
import type { LeaseStore } from '../../src/scheduler/lease-store.ts';
import { createGate } from './gate.ts';
import { startReplica, testJob } from './start-replica.ts';

/** Two replicas' views of one shared store (their own connections where the backend allows). */
export interface SharedStorage {
  leasesA: LeaseStore;
  leasesB: LeaseStore;
  /** The 'scheduler' namespace, as each replica opens it. */
  statusA: Keyv;
  statusB: Keyv;
  /** Removes what the test wrote and closes the stores. */
  close(): Promise<void>;
}

/** `open` must give each test its own lease table (or key prefix) and status namespace. */
export function describeLeaseReplicas(
  kind: string,
  open: (clock: ManualClock) => Promise<SharedStorage>,
): void {
  describe(`run-once leases on ${kind}`, () => {
    let clock: ManualClock;
    let shared: SharedStorage;
    const name = () => `job-${randomUUID().slice(0, 8)}`;

    beforeEach(async () => {
      clock = createManualClock();
      shared = await open(clock);
    });
    afterEach(async () => {
      await shared.close();
    });

    it('grants a lease to one owner until it expires by the clock, renews it for its owner, and frees it on release', async () => {
      const { leasesA: leases } = shared;
      const lease = name();
      expect(await leases.acquire(lease, 'a', 60_000)).toBe(true);
      expect(await leases.acquire(lease, 'b', 60_000)).toBe(false);
      clock.advance(50_000);
      expect(await leases.acquire(lease, 'a', 60_000)).toBe(true);
      clock.advance(50_000);
      expect(await leases.acquire(lease, 'b', 60_000)).toBe(false);
      clock.advance(10_000);
      expect(await leases.acquire(lease, 'b', 60_000)).toBe(true);
      expect(await leases.acquire(lease, 'a', 60_000)).toBe(false);
      await leases.release(lease, 'a');
      expect(await leases.acquire(lease, 'c', 60_000)).toBe(false);
      await leases.release(lease, 'b');
      expect(await leases.acquire(lease, 'c', 60_000)).toBe(true);
      await leases.release(lease, 'c');
    });

    it('lets its owner shorten a lease (what holding it after a run relies on)', async () => {
      const lease = name();
      expect(await shared.leasesA.acquire(lease, 'a', 600_000)).toBe(true);
      expect(await shared.leasesA.acquire(lease, 'a', 1_000)).toBe(true);
      expect(await shared.leasesB.acquire(lease, 'b', 60_000)).toBe(false);
      clock.advance(1_000);
      expect(await shared.leasesB.acquire(lease, 'b', 60_000)).toBe(true);
      await shared.leasesB.release(lease, 'b');
    });

    it('gives a lease to exactly one of many owners asking at the same moment, across connections', async () => {
      const lease = name();
      const owners = Array.from({ length: 12 }, (_, i) => `owner-${i}`);
      const granted = await Promise.all(
        owners.map((owner, i) =>
          (i % 2 === 0 ? shared.leasesA : shared.leasesB).acquire(lease, owner, 60_000),
        ),
      );
      expect(granted.filter(Boolean)).toHaveLength(1);
      const winner = owners[granted.indexOf(true)] ?? '';
      await shared.leasesA.release(lease, winner);
    });

    it('runs a tick on one replica only; the other records that it skipped it', async () => {
      const job = name();
      const gate = createGate();
      const a = startReplica({
        jobs: [testJob(job, gate.body)],
        leases: shared.leasesA,
        status: shared.statusA,
        clock,
        owner: 'replica-a',
      });
      const b = startReplica({
        jobs: [testJob(job, gate.body)],
        leases: shared.leasesB,
        status: shared.statusB,
        clock,
        owner: 'replica-b',
      });

      const ticks = [a.scheduler.runNow(job), b.scheduler.runNow(job)];
      await gate.started();
      gate.open();
      const records = await Promise.all(ticks);

      expect(records.map((record) => record.result).sort()).toEqual(['ok', 'skipped-lease']);
      expect(gate.runs).toBe(1);
      const ran = records.find((record) => record.result === 'ok')?.owner;
      const [status] = await b.scheduler.status();
      expect(status?.lastRun).toMatchObject({ result: 'ok', owner: ran });
      expect(status?.lastSkip).toMatchObject({ result: 'skipped-lease' });
      expect(status?.lastSkip?.owner).not.toBe(ran);
      expect((await a.runs(job, 'ok')) + (await b.runs(job, 'ok'))).toBe(1);
      expect((await a.runs(job, 'skipped-lease')) + (await b.runs(job, 'skipped-lease'))).toBe(1);
    });

    it('keeps the lease while the run is renewed, past its first expiry', async () => {
      const job = name();
      const gate = createGate();
      const a = startReplica({
        jobs: [testJob(job, gate.body)],
        leases: shared.leasesA,
        status: shared.statusA,
        clock,
        owner: 'replica-a',
      });
      const b = startReplica({
        jobs: [testJob(job, async () => undefined)],
        leases: shared.leasesB,
        status: shared.statusB,
        clock,
        owner: 'replica-b',
      });

      const running = a.scheduler.runNow(job);
      await gate.started();
      expect(a.timers.live()).toBe(1);
      clock.advance(40_000);
      await a.timers.fire();
      clock.advance(40_000);
      await a.timers.fire();
      clock.advance(40_000);
      expect((await b.scheduler.runNow(job)).result).toBe('skipped-lease');

      gate.open();
      expect((await running).result).toBe('ok');
      expect(a.timers.live()).toBe(0);
      expect(a.log.lines.join('\n')).not.toContain('lost the lease');
    });

    it('lets another replica take over once an unrenewed lease expires by the clock; the first learns it lost it', async () => {
      const job = name();
      const stuck = createGate();
      let signal: AbortSignal | undefined;
      const a = startReplica({
        jobs: [
          testJob(job, async (context) => {
            signal = context.signal;
            await stuck.body();
          }),
        ],
        leases: shared.leasesA,
        status: shared.statusA,
        clock,
        owner: 'replica-a',
      });
      const takeover = createGate();
      const b = startReplica({
        jobs: [testJob(job, takeover.body)],
        leases: shared.leasesB,
        status: shared.statusB,
        clock,
        owner: 'replica-b',
      });

      const first = a.scheduler.runNow(job);
      await stuck.started();
      clock.advance(59_999);
      expect((await b.scheduler.runNow(job)).result).toBe('skipped-lease');
      clock.advance(1);
      const second = b.scheduler.runNow(job);
      await takeover.started();

      await a.timers.fire();
      expect(signal?.aborted).toBe(true);
      expect(a.log.lines.some((line) => line.includes('lost the lease') && line.includes(job))).toBe(true);

      takeover.open();
      expect((await second).result).toBe('ok');
      stuck.open();
      expect((await first).result).toBe('ok');
      // The first replica's release left the lease of the second alone: it holds it after its run.
      expect(await shared.leasesA.acquire(job, 'replica-c', 60_000)).toBe(false);
    });

    it('holds the lease a while after a quick run, so a replica ticking a little later does not run it again', async () => {
      const job = name();
      const a = startReplica({
        jobs: [testJob(job, async () => undefined)],
        leases: shared.leasesA,
        status: shared.statusA,
        clock,
        owner: 'replica-a',
      });
      const b = startReplica({
        jobs: [testJob(job, async () => undefined)],
        leases: shared.leasesB,
        status: shared.statusB,
        clock,
        owner: 'replica-b',
      });

      expect((await a.scheduler.runNow(job)).result).toBe('ok');
      clock.advance(2_000);
      expect((await b.scheduler.runNow(job)).result).toBe('skipped-lease');
      clock.advance(8_000);
      expect((await b.scheduler.runNow(job)).result).toBe('ok');
    });

    it('frees the lease at the end of a run longer than the hold', async () => {
      const job = name();
      const slow = async () => {
        clock.advance(15_000);
      };
      const a = startReplica({
        jobs: [testJob(job, slow)],
        leases: shared.leasesA,
        status: shared.statusA,
        clock,
        owner: 'replica-a',
      });
      const b = startReplica({
        jobs: [testJob(job, async () => undefined)],
        leases: shared.leasesB,
        status: shared.statusB,
        clock,
        owner: 'replica-b',
      });

      expect((await a.scheduler.runNow(job)).result).toBe('ok');
      expect((await b.scheduler.runNow(job)).result).toBe('ok');
    });
  });
}
