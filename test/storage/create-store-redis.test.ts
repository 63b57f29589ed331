import type KeyvRedis from '@keyv/redis';
import { describe, expect, it } from 'vitest';
import { isBotError } from '../../src/errors.ts';
import { createStore } from '../../src/storage/create-store.ts';
import { captureLog, uniqueNamespace } from './capture-log.ts';
import { describeStoreContract } from './describe-store-contract.ts';

// A real Redis server on the default port (override with TEST_REDIS_URL); tests use fresh namespaces.
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describeStoreContract(REDIS_URL, 'redis');

describe('createStore with redis', () => {
  it('serves every namespace through one client connection', async () => {
    const store = await createStore({ url: REDIS_URL, log: captureLog().log });
    const clientOf = (namespace: string) => (store.keyv(namespace).opts.store as KeyvRedis<string>).client;
    expect(clientOf(uniqueNamespace('a'))).toBe(clientOf(uniqueNamespace('b')));
    await store.close();
  });

  it('rejects ping with store_unavailable when Redis is unreachable, logs it, and never leaks the password', async () => {
    const { log, lines } = captureLog();
    const store = await createStore({ url: 'redis://:hunter2@127.0.0.1:1', log });
    const started = Date.now();
    const error = await store.ping().catch((e: unknown) => e);
    expect(isBotError(error, 'store_unavailable')).toBe(true);
    expect(Date.now() - started).toBeLessThan(3_000);
    await expect(store.keyv('secrets').get('webhook')).rejects.toThrow();
    await store.close();
    expect(lines.some((line) => line.includes('ECONNREFUSED'))).toBe(true);
    expect(lines.some((line) => line.includes('127.0.0.1:1') && line.includes('***'))).toBe(true);
    expect(lines.join('\n')).not.toContain('hunter2');
  });
});
