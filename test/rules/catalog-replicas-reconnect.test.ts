import { createClient } from '@keyv/redis';
import { Client } from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createKeyvRuleStore } from '../../src/storage/create-keyv-rule-store.ts';
import { SUBSCRIBER_NAME } from '../../src/storage/create-redis-notice-hub.ts';
import { createStore } from '../../src/storage/create-store.ts';
import { captureLog } from '../storage/capture-log.ts';
import {
  closeCatalogReplicas,
  matched,
  matchesSoon,
  openCatalogReplicas,
  type ReplicaWorld,
} from './describe-catalog-replicas.ts';
import { ruleFrom } from './rule-fixtures.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** The first reconnection waits 100 ms, then the reload. */
const RECONNECT_DEADLINE_MS = 3_000;

/** Cuts every notice subscriber connection of this code on the server (they all reconnect). */
async function killRedisSubscribers(): Promise<number> {
  const admin = createClient({ url: REDIS_URL });
  await admin.connect();
  try {
    const list = await admin.clientList({ TYPE: 'PUBSUB' });
    const ours = list.filter((client) => client.name === SUBSCRIBER_NAME);
    for (const client of ours) await admin.sendCommand(['CLIENT', 'KILL', 'ID', String(client.id)]);
    return ours.length;
  } finally {
    await admin.close();
  }
}

/** Terminates the sessions LISTENing on this test's channel (each replica's own client). */
async function killPostgresListeners(namespace: string): Promise<number> {
  const admin = new Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  try {
    const result = await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = $1 AND pid <> pg_backend_pid()',
      [`LISTEN "sekoia-chatops.changes.${namespace}"`],
    );
    return result.rows.length;
  } finally {
    await admin.end();
  }
}

const cases = [
  { name: 'redis', url: REDIS_URL, kill: () => killRedisSubscribers() },
  { name: 'postgres', url: POSTGRES_URL, kill: (namespace: string) => killPostgresListeners(namespace) },
];

describe.each(cases)('rule catalog replicas on $name whose subscriber connection drops', ({ url, kill }) => {
  let world: ReplicaWorld | undefined;
  afterEach(async () => {
    if (world) await closeCatalogReplicas(world);
    world = undefined;
  });

  it('log it, reconnect, reload what they missed, and hear the next notices', async () => {
    world = await openCatalogReplicas(url);
    const { a, b, logs, namespace } = world;
    await a.catalog.add(ruleFrom('alert-raised', 'r7k2'));
    await matchesSoon(b, ['r7k2']);

    // A change that announces nothing (as one whose notice was lost): B cannot know of it yet.
    const silent = createKeyvRuleStore({ keyv: a.store.keyv(namespace), log: captureLog().log });
    await silent.add(ruleFrom('alert-raised', 'q9m4'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(matched(b)).toEqual(['r7k2']);

    expect(await kill(namespace)).toBeGreaterThanOrEqual(2);
    // Notices sent while B's subscriber was away are lost: B reloads once it is back.
    await expect
      .poll(() => matched(b), { timeout: RECONNECT_DEADLINE_MS, interval: 10 })
      .toEqual(['r7k2', 'q9m4']);
    // Both re-subscribed: the next changes arrive as fast as before.
    await b.catalog.delete('q9m4');
    await matchesSoon(a, ['r7k2']);
    await a.catalog.add(ruleFrom('alert-raised', 'w3x8'));
    await matchesSoon(b, ['r7k2', 'w3x8']);
    const warned = logs.flatMap((log) => log.lines).filter((line) => /"level":(40|50)/.test(line));
    expect(warned.length).toBeGreaterThan(0);
  });
});

describe.each([
  { name: 'redis', url: 'redis://127.0.0.1:1' },
  { name: 'postgres', url: 'postgres://postgres@127.0.0.1:1/test' },
])('change notices on an unreachable $name', ({ url }) => {
  it('log the failure and keep retrying, without throwing or crashing', async () => {
    const { log, lines } = captureLog();
    const store = await createStore({ url, log });
    const heard: number[] = [];
    const stop = store.changes('rules').subscribe(() => heard.push(1));
    await expect.poll(() => lines.filter((line) => line.includes('ECONNREFUSED')).length).toBeGreaterThan(3);
    await expect(store.changes('rules').publish()).rejects.toThrow();
    stop();
    await store.close();
    expect(heard).toEqual([]);
  });
});
