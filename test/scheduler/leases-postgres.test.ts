import { randomUUID } from 'node:crypto';
import { KeyvPostgres } from '@keyv/postgres';
import { createStore } from '../../src/storage/create-store.ts';
import { captureLog, uniqueNamespace } from '../storage/capture-log.ts';
import { describeLeaseReplicas } from './describe-lease-replicas.ts';

// A real PostgreSQL server with trust auth (override with TEST_POSTGRES_URL). @keyv/postgres keeps
// one pool per process, so both replicas share it: their statements still run on several connections.
const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

describeLeaseReplicas('postgres', async (clock) => {
  const table = `leases_${randomUUID().slice(0, 8)}`;
  const namespace = uniqueNamespace('scheduler');
  const store = await createStore({ url: POSTGRES_URL, log: captureLog().log });
  const status = store.keyv(namespace);
  return {
    leasesA: store.leases({ clock, table }),
    leasesB: store.leases({ clock, table }),
    statusA: status,
    statusB: status,
    close: async () => {
      await status.clear();
      const adapter = status.opts.store;
      if (!(adapter instanceof KeyvPostgres)) throw new Error('expected the PostgreSQL adapter');
      await adapter.query(`DROP TABLE IF EXISTS ${table}`);
      await store.close();
    },
  };
});
