import { randomUUID } from 'node:crypto';
import KeyvPostgres from '@keyv/postgres';
import type KeyvRedis from '@keyv/redis';
import keyvTestSuite, { keyvIteratorTests } from '@keyv/test-suite';
import Keyv from 'keyv';
import * as test from 'vitest';
import { openRedisBackend } from '../../src/storage/open-redis-backend.ts';

// keyv's adapter contract against the real servers. The suite picks its own namespaces ('keyv',
// 'keyv1', ...), so each run isolates itself: a private key separator (Redis), a private table (PostgreSQL).
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const run = randomUUID().replaceAll('-', '').slice(0, 12);

test.describe('keyv test suite on Redis, configured as createStore does', () => {
  const errors: unknown[] = [];
  const backend = openRedisBackend({ url: REDIS_URL, onError: (error) => errors.push(error) });
  const store = () => {
    const adapter = backend.createAdapter('suite') as KeyvRedis<string>;
    adapter.keyPrefixSeparator = `::${run}::`;
    // The suite builds hundreds of adapters on the one client, each adding its listeners.
    adapter.client.setMaxListeners(0);
    return adapter;
  };
  test.afterAll(async () => {
    await new Keyv({ store: store() }).clear();
    await backend.close();
    test.expect(errors).toEqual([]);
  });
  keyvTestSuite(test, Keyv, store);
  keyvIteratorTests(test, Keyv, store);
});

test.describe('keyv test suite on PostgreSQL (@keyv/postgres)', () => {
  const table = `keyv_suite_${run}`;
  const store = () => new KeyvPostgres({ uri: POSTGRES_URL, table, connectionTimeoutMillis: 2_000 });
  test.afterAll(async () => {
    const adapter = store();
    await adapter.query(`DROP TABLE IF EXISTS public.${table}`);
    await adapter.disconnect();
  });
  keyvTestSuite(test, Keyv, store);
  keyvIteratorTests(test, Keyv, store);
});
