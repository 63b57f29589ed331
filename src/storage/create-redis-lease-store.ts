import type { Clock } from '../clock.ts';
import type { LeaseStore } from '../scheduler/lease-store.ts';
import { checkLeaseTtl, leaseStoreUnavailable, leaseTable } from './lease-names.ts';
import { withTimeout } from './with-timeout.ts';

/** The one Redis command the leases need (node-redis v5 clients have it). */
export interface RedisScripting {
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

export interface RedisLeaseStoreOptions {
  /** The store's connected client (it connects on first use). */
  client: () => Promise<RedisScripting>;
  clock: Clock;
  /** Key prefix: a lease is the hash `<table>:<name>`. */
  table?: string | undefined;
  timeoutMs?: number;
}

// Expiry is compared with the caller's clock, not the server's, so every backend keeps time the
// same way; PEXPIRE only sweeps leases nobody released.
const ACQUIRE = `
local holder = redis.call('HMGET', KEYS[1], 'owner', 'expires_at')
if holder[1] and holder[1] ~= ARGV[1] and tonumber(holder[2]) > tonumber(ARGV[2]) then
  return 0
end
redis.call('HSET', KEYS[1], 'owner', ARGV[1], 'expires_at', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1`;

const RELEASE = `
if redis.call('HGET', KEYS[1], 'owner') == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`;

/** Leases as Redis hashes; a Lua script checks and sets in one atomic step. */
export function createRedisLeaseStore(options: RedisLeaseStoreOptions): LeaseStore {
  const prefix = `${leaseTable(options.table)}:`;
  const timeoutMs = options.timeoutMs ?? 5_000;
  const run = async (script: string, name: string, args: string[]): Promise<unknown> => {
    const work = options
      .client()
      .then((client) => client.eval(script, { keys: [prefix + name], arguments: args }));
    // An unreachable server queues commands until it is back: the scheduler must not wait that long.
    const timedOut = () => new Error(`redis did not answer within ${timeoutMs} ms`);
    return withTimeout(work, timeoutMs, timedOut).catch((error: unknown) => {
      throw leaseStoreUnavailable(error, 'redis');
    });
  };
  return {
    async acquire(name, owner, ttlMs) {
      checkLeaseTtl(ttlMs);
      const now = options.clock.now();
      const reply = await run(ACQUIRE, name, [owner, String(now), String(now + ttlMs), String(ttlMs)]);
      return reply === 1;
    },
    async release(name, owner) {
      await run(RELEASE, name, [owner]);
    },
  };
}
