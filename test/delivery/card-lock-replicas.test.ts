import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeyvPostgres } from '@keyv/postgres';
import { createClient } from '@keyv/redis';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock, type ManualClock } from '../../src/clock.ts';
import { CARD_LEASE_TTL_MS, createCardLock, type Heartbeat } from '../../src/delivery/create-card-lock.ts';
import { isBotError } from '../../src/errors.ts';
import type { LeaseStore } from '../../src/scheduler/lease-store.ts';
import { createStore } from '../../src/storage/create-store.ts';
import { captureLog } from '../storage/capture-log.ts';

// Real servers (override with TEST_REDIS_URL / TEST_POSTGRES_URL); each test has its own lease table.
// The app takes card leases on Redis and PostgreSQL only (compose-delivery.ts); SQLite is here for
// the lease contract's sake, at no cost.
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const dir = mkdtempSync(join(tmpdir(), 'card-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Replicas {
  leasesA: LeaseStore;
  leasesB: LeaseStore;
  close(): Promise<void>;
}

type OpenReplicas = (clock: ManualClock, table: string) => Promise<Replicas>;

const engines: Array<[string, OpenReplicas]> = [
  [
    'redis',
    async (clock, table) => {
      const [a, b] = await Promise.all([
        createStore({ url: REDIS_URL, log: captureLog().log }),
        createStore({ url: REDIS_URL, log: captureLog().log }),
      ]);
      return {
        leasesA: a.leases({ clock, table }),
        leasesB: b.leases({ clock, table }),
        close: async () => {
          await Promise.all([a.close(), b.close()]);
          const client = createClient({ url: REDIS_URL });
          await client.connect();
          const keys = await client.keys(`${table}:*`);
          if (keys.length > 0) await client.del(keys);
          await client.close();
        },
      };
    },
  ],
  [
    // One pool per process (@keyv/postgres): both replicas share it, on several connections.
    'postgres',
    async (clock, table) => {
      const store = await createStore({ url: POSTGRES_URL, log: captureLog().log });
      return {
        leasesA: store.leases({ clock, table }),
        leasesB: store.leases({ clock, table }),
        close: async () => {
          const adapter = store.keyv('card-lock-cleanup').opts.store;
          if (!(adapter instanceof KeyvPostgres)) throw new Error('expected the PostgreSQL adapter');
          await adapter.query(`DROP TABLE IF EXISTS ${table}`);
          await store.close();
        },
      };
    },
  ],
  [
    'sqlite',
    async (clock, table) => {
      const url = `sqlite://${join(dir, `${table}.sqlite`)}`;
      const [a, b] = await Promise.all([
        createStore({ url, log: captureLog().log }),
        createStore({ url, log: captureLog().log }),
      ]);
      return {
        leasesA: a.leases({ clock, table }),
        leasesB: b.leases({ clock, table }),
        close: async () => void (await Promise.all([a.close(), b.close()])),
      };
    },
  ],
];

/** A heartbeat fired by hand: `beat()` runs every running lock's tick once and waits for them. */
function manualHeartbeat() {
  const ticks = new Set<() => Promise<void>>();
  const periods: number[] = [];
  const heartbeat: Heartbeat = (ms, tick) => {
    periods.push(ms);
    ticks.add(tick);
    return () => ticks.delete(tick);
  };
  return {
    heartbeat,
    periods,
    running: () => ticks.size,
    beat: async () => void (await Promise.all([...ticks].map((tick) => tick()))),
  };
}

/** A task that runs until `finish()` is called. */
function openTask() {
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return { run: () => done.then(() => 'done'), finish };
}

const refused = (error: unknown) => isBotError(error, 'delivery_failed');

describe.each(engines)('card lock across replicas on %s', (_engine, open) => {
  let clock: ManualClock;
  let replicas: Replicas;
  const card = () => `a-${randomUUID().slice(0, 8)}:mattermost/c1`;
  const ok = async () => 'ok';

  beforeEach(async () => {
    clock = createManualClock();
    replicas = await open(clock, `card_leases_${randomUUID().slice(0, 8)}`);
  });
  afterEach(async () => {
    await replicas.close();
  });

  it(`frees a card held by a dead replica ${CARD_LEASE_TTL_MS / 1000} s after it took it, not 60 s`, async () => {
    const key = card();
    // A replica killed mid-update: it took the lease with the lock's TTL and will never renew it.
    expect(await replicas.leasesA.acquire(`card:${key}`, 'dead-replica', CARD_LEASE_TTL_MS)).toBe(true);
    const lockB = createCardLock({
      leases: replicas.leasesB,
      owner: 'b',
      heartbeat: manualHeartbeat().heartbeat,
    });
    await expect(lockB(key, ok)).rejects.toSatisfy(refused);
    clock.advance(CARD_LEASE_TTL_MS - 1);
    await expect(lockB(key, ok)).rejects.toSatisfy(refused);
    clock.advance(1);
    expect(await lockB(key, ok)).toBe('ok');
  });

  it('keeps the card for a task that runs longer than the lease, renewing every third of it, then frees it', async () => {
    const key = card();
    const a = manualHeartbeat();
    const lockA = createCardLock({ leases: replicas.leasesA, owner: 'a', heartbeat: a.heartbeat });
    const lockB = createCardLock({
      leases: replicas.leasesB,
      owner: 'b',
      heartbeat: manualHeartbeat().heartbeat,
    });
    const task = openTask();
    const running = lockA(key, task.run);
    await expect.poll(() => a.running()).toBe(1);
    expect(a.periods).toEqual([Math.floor(CARD_LEASE_TTL_MS / 3)]);
    // Three times the lease's life, a heartbeat each third of it: the other replica never gets in.
    for (let beat = 0; beat < 9; beat++) {
      clock.advance(Math.floor(CARD_LEASE_TTL_MS / 3));
      await a.beat();
      await expect(lockB(key, ok)).rejects.toSatisfy(refused);
    }
    task.finish();
    expect(await running).toBe('done');
    expect(a.running()).toBe(0);
    expect(await lockB(key, ok)).toBe('ok');
  });

  it('stops renewing once another replica took the card from a stalled one, and never takes it back', async () => {
    const key = card();
    const a = manualHeartbeat();
    const lockA = createCardLock({ leases: replicas.leasesA, owner: 'a', heartbeat: a.heartbeat });
    const task = openTask();
    const running = lockA(key, task.run);
    await expect.poll(() => a.running()).toBe(1);
    // Stalled past the lease (no beat reached the store), then another replica takes the card.
    clock.advance(CARD_LEASE_TTL_MS);
    expect(await replicas.leasesB.acquire(`card:${key}`, 'b', CARD_LEASE_TTL_MS)).toBe(true);
    await a.beat();
    await replicas.leasesB.release(`card:${key}`, 'b');
    await a.beat();
    // A's renewals stopped at the refusal: the card, freed by B, is free for anyone.
    expect(await replicas.leasesB.acquire(`card:${key}`, 'c', CARD_LEASE_TTL_MS)).toBe(true);
    task.finish();
    expect(await running).toBe('done');
    // A's release leaves C's lease alone.
    expect(await replicas.leasesB.acquire(`card:${key}`, 'd', CARD_LEASE_TTL_MS)).toBe(false);
  });
});
