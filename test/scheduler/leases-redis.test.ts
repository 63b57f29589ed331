import { randomUUID } from 'node:crypto';
import { createClient } from '@keyv/redis';
import { createStore } from '../../src/storage/create-store.ts';
import { captureLog, uniqueNamespace } from '../storage/capture-log.ts';
import { describeLeaseReplicas } from './describe-lease-replicas.ts';

// A real Redis server (override with TEST_REDIS_URL); each test has its own key prefix and namespace.
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describeLeaseReplicas('redis', async (clock) => {
  const table = `leases_${randomUUID().slice(0, 8)}`;
  const namespace = uniqueNamespace('scheduler');
  const [a, b] = await Promise.all([
    createStore({ url: REDIS_URL, log: captureLog().log }),
    createStore({ url: REDIS_URL, log: captureLog().log }),
  ]);
  return {
    leasesA: a.leases({ clock, table }),
    leasesB: b.leases({ clock, table }),
    statusA: a.keyv(namespace),
    statusB: b.keyv(namespace),
    close: async () => {
      await a.keyv(namespace).clear();
      await Promise.all([a.close(), b.close()]);
      const client = createClient({ url: REDIS_URL });
      await client.connect();
      const keys = await client.keys(`${table}:*`);
      if (keys.length > 0) await client.del(keys);
      await client.close();
    },
  };
});
