import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isBotError } from '../../src/errors.ts';
import { createStore } from '../../src/storage/create-store.ts';
import { captureLog, uniqueNamespace } from './capture-log.ts';
import { describeStoreContract } from './describe-store-contract.ts';

// A real PostgreSQL server with trust auth (override with TEST_POSTGRES_URL); tests use fresh namespaces.
// @keyv/postgres holds one pool per process, so these tests open one store at a time (but the one on
// two stores open at once).
const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

interface PostgresAdapter {
  query(sql: string, values?: unknown[]): Promise<Array<Record<string, unknown>>>;
}

describeStoreContract(POSTGRES_URL, 'postgres');

describe('createStore with postgres', () => {
  it('survives the server dropping its idle connections, and logs it', async () => {
    const app = `keyv-test-${randomUUID().slice(0, 8)}`;
    const { log, lines } = captureLog();
    // Trust auth ignores the password, which lets us check that none reaches the log.
    const url = new URL(POSTGRES_URL);
    url.password = 'hunter2';
    url.searchParams.set('application_name', app);
    const store = await createStore({ url: url.href, log });
    const keyv = store.keyv(uniqueNamespace('idle'));
    // Several at once so the pool holds several connections, idle afterwards.
    await Promise.all(Array.from({ length: 4 }, (_, i) => keyv.set(`k${i}`, i)));
    const adapter = keyv.opts.store as unknown as PostgresAdapter;
    const killed = await adapter.query(
      `SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity
       WHERE application_name = $1 AND pid <> pg_backend_pid()`,
      [app],
    );
    expect(killed.length).toBeGreaterThan(0);
    await expect.poll(() => lines.some((line) => line.includes('57P01')), { timeout: 2_000 }).toBe(true);

    expect(await keyv.get('k3')).toBe(3);
    await store.ping();
    await keyv.clear();
    await store.close();
    expect(lines.join('\n')).not.toContain('hunter2');
  });

  it('two stores open at once (replicas in one process) share the pool: the first closed leaves the other working, the last ends it', async () => {
    const { log } = captureLog();
    const first = await createStore({ url: POSTGRES_URL, log });
    const second = await createStore({ url: POSTGRES_URL, log });
    const keyv = second.keyv(uniqueNamespace('shared'));
    await first.close();
    await keyv.set('k', 1);
    expect(await keyv.get('k')).toBe(1);
    const third = await createStore({ url: POSTGRES_URL, log });
    await keyv.clear();
    await expect(Promise.all([second.close(), third.close()])).resolves.toBeDefined();
  });

  it('rejects ping with store_unavailable when PostgreSQL is unreachable, and never leaks the password', async () => {
    const { log, lines } = captureLog();
    const store = await createStore({ url: 'postgres://postgres:hunter2@127.0.0.1:1/test', log });
    const started = Date.now();
    const error = await store.ping().catch((e: unknown) => e);
    expect(isBotError(error, 'store_unavailable')).toBe(true);
    expect(Date.now() - started).toBeLessThan(3_000);
    await expect(store.keyv('secrets').get('webhook')).rejects.toThrow(/ECONNREFUSED/);
    await store.close();
    expect(lines.some((line) => line.includes('ECONNREFUSED'))).toBe(true);
    expect(lines.join('\n')).not.toContain('hunter2');
  });
});
