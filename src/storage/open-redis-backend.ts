import KeyvRedis, { createClient } from '@keyv/redis';
import { createRedisLeaseStore } from './create-redis-lease-store.ts';
import { createRedisNoticeHub } from './create-redis-notice-hub.ts';
import type { StoreBackend, StoreErrorSink } from './store-backend.ts';
import { withTimeout } from './with-timeout.ts';

const CONNECT_TIMEOUT_MS = 2_000;
const PROBE_NAMESPACE = 'store-health';

/**
 * One Redis client shared by every namespace. Each namespace gets its own KeyvRedis (the adapter
 * prefixes `namespace::key` natively), told to throw so a failure never reads as a missing key.
 */
export function openRedisBackend(options: { url: string; onError: StoreErrorSink }): StoreBackend {
  const client = createClient({
    url: options.url,
    socket: {
      connectTimeout: CONNECT_TIMEOUT_MS,
      reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 5_000),
    },
  });
  // Every KeyvRedis adds its own listeners to the shared client (one adapter per namespace).
  client.setMaxListeners(100);
  const createAdapter = (namespace: string) =>
    new KeyvRedis(client, {
      namespace,
      throwOnErrors: true,
      throwOnConnectError: true,
      connectionTimeout: CONNECT_TIMEOUT_MS,
    });
  // Created at once so the client always has an 'error' listener (an unheard one kills Node).
  const probe = createAdapter(PROBE_NAMESPACE);
  probe.on('error', (error: unknown) => options.onError(error));
  const notices = createRedisNoticeHub(
    {
      // Through the adapter, which opens the shared client when no command has yet.
      publish: async (channel, message) => (await probe.getClient()).publish(channel, message),
      duplicate: (overrides) => client.duplicate(overrides),
    },
    (error) => options.onError(error),
  );
  return {
    kind: 'redis',
    sqlitePath: undefined,
    useKeyPrefix: false,
    createAdapter,
    notices,
    // Through the probe adapter, which opens the shared client when no command has yet.
    leases: (leaseOptions) => createRedisLeaseStore({ client: () => probe.getClient(), ...leaseOptions }),
    probe: async () => {
      await probe.get('ping');
    },
    close: async () => {
      await notices.close();
      if (client.isReady) {
        // QUIT lets pending replies arrive; a server that stopped answering gets cut off instead.
        await withTimeout(client.close(), CONNECT_TIMEOUT_MS, () => new Error('redis close timed out')).catch(
          (error: unknown) => options.onError(error),
        );
      }
      if (client.isOpen) client.destroy();
    },
  };
}
