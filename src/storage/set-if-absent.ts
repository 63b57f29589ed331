import type { Keyv } from 'keyv';
import { SqliteKeyvStore } from './sqlite-keyv-store.ts';

/**
 * Stores `value` under `key` of a keyv namespace unless a value is already there, in one atomic
 * statement of the backend (SQLite and PostgreSQL `INSERT … ON CONFLICT`, Redis `SET NX`), then
 * reads back what is stored: the caller's value if it won, else the one that was there. Several
 * replicas racing on an empty store thus all read the same value. The value never expires.
 */
export async function setIfAbsent(keyv: Keyv, key: string, value: unknown): Promise<unknown> {
  // Written exactly as keyv.set() would write it (same key prefix, same serialization), so that
  // keyv.get() reads it, and so do values that keyv.set() wrote before this existed.
  const serialized = await keyv.serialize?.({ value, expires: undefined });
  if (typeof serialized !== 'string') throw new TypeError('setIfAbsent needs keyv to serialize to text');
  const prefixed = keyv.useKeyPrefix && keyv.namespace ? `${keyv.namespace}:${key}` : key;
  const adapter: unknown = keyv.store;
  if (adapter instanceof SqliteKeyvStore) {
    adapter.insertIfAbsent(prefixed, serialized);
    return keyv.get(key);
  }
  // Loaded here, not at the top: a bot on SQLite never loads the network clients.
  const { KeyvPostgres } = await import('@keyv/postgres');
  if (adapter instanceof KeyvPostgres) {
    const { schema, table } = adapter.opts;
    await adapter.query(
      `INSERT INTO ${schema}.${table} (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`,
      [prefixed, serialized],
    );
    return keyv.get(key);
  }
  const { default: KeyvRedis } = await import('@keyv/redis');
  if (!(adapter instanceof KeyvRedis))
    throw new TypeError('setIfAbsent is not supported by this storage adapter');
  const client = await adapter.getClient();
  await client.set(adapter.createKeyPrefix(prefixed, adapter.namespace), serialized, { condition: 'NX' });
  return keyv.get(key);
}
