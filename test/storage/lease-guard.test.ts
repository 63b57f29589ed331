import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.ts';
import { isBotError } from '../../src/errors.ts';
import type { LeaseStore } from '../../src/scheduler/lease-store.ts';
import { createLeaseGuard } from '../../src/storage/create-lease-guard.ts';
import { createStore, type Store } from '../../src/storage/create-store.ts';
import { captureLog } from './capture-log.ts';

describe('createLeaseGuard (SQLite leases)', () => {
  let store: Store;
  let leases: LeaseStore;
  beforeEach(async () => {
    store = await createStore({ url: 'sqlite://:memory:', log: captureLog().log });
    leases = store.leases({ clock: systemClock });
  });
  afterEach(async () => {
    await store.close();
  });

  it('runs the tasks of one name one at a time, across two guards (replicas) and within one', async () => {
    const guards = [createLeaseGuard({ leases }), createLeaseGuard({ leases })];
    let running = 0;
    let most = 0;
    const task = async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
    };
    await Promise.all(Array.from({ length: 8 }, (_, index) => guards[index % 2]?.('alert-1', task)));
    expect(most).toBe(1);
    expect(await leases.acquire('alert-1', 'someone-else', 1_000)).toBe(true);
  });

  it('waits for a lease held elsewhere, and gives up with store_unavailable after waitMs', async () => {
    const guard = createLeaseGuard({ leases, waitMs: 100 });
    expect(await leases.acquire('alert-1', 'other-replica', 10_000)).toBe(true);
    const released = new Promise((resolve) => setTimeout(resolve, 30)).then(() =>
      leases.release('alert-1', 'other-replica'),
    );
    expect(await guard('alert-1', async () => 'done')).toBe('done');
    await released;

    expect(await leases.acquire('alert-2', 'other-replica', 10_000)).toBe(true);
    let ran = false;
    const error = await guard('alert-2', async () => {
      ran = true;
    }).catch((caught: unknown) => caught);
    expect(isBotError(error, 'store_unavailable') && error.retryable).toBe(true);
    expect(ran).toBe(false);
  });
});
