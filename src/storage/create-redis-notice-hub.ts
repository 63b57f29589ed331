import { createListenerSets } from './create-listener-sets.ts';
import type { NoticeHub } from './notice-hub.ts';

/** What the hub needs of a node-redis client (the one @keyv/redis exports), on either side. */
export interface RedisNoticeClient {
  publish(channel: string, message: string): Promise<unknown>;
  duplicate(overrides: { name: string }): RedisSubscriber;
}

interface RedisSubscriber {
  on(event: 'error', listener: (error: unknown) => void): unknown;
  on(event: 'ready', listener: () => void): unknown;
  connect(): Promise<unknown>;
  subscribe(channel: string, listener: () => void): Promise<unknown>;
  unsubscribe(channel: string): Promise<unknown>;
  readonly isOpen: boolean;
  destroy(): void;
}

const RESUBSCRIBE_MS = 500;

/** The subscriber connection's CLIENT SETNAME. */
export const SUBSCRIBER_NAME = 'sekoia-chatops-notices';

/**
 * Redis PUBLISH on the shared client, SUBSCRIBE on a connection of its own (a subscribed
 * connection serves nothing else), opened on the first subscription. The client re-subscribes by
 * itself after a reconnection; notices published while it was away are lost, so every listener is
 * called again once it is back. Pub/sub channels are server-wide: they ignore the database number.
 */
export function createRedisNoticeHub(
  client: RedisNoticeClient,
  onError: (error: unknown) => void,
): NoticeHub {
  let closed = false;
  // What fails once closed (a pending SUBSCRIBE cut by close()) is the shutdown, not a fault.
  const report = (error: unknown) => {
    if (!closed) onError(error);
  };
  const listeners = createListenerSets(report);
  let subscriber: RedisSubscriber | undefined;
  let readyBefore = false;
  /** Channels whose SUBSCRIBE was answered: a listener added later is live at once. */
  const live = new Set<string>();

  const openSubscriber = (): RedisSubscriber => {
    if (subscriber !== undefined) return subscriber;
    // Named, so that an operator can tell it in CLIENT LIST (its last command stays SUBSCRIBE).
    const opened = client.duplicate({ name: SUBSCRIBER_NAME });
    // An unheard 'error' would kill the process: a dropped subscriber is logged and reconnects.
    opened.on('error', report);
    opened.on('ready', () => {
      // The first 'ready' precedes the queued SUBSCRIBE, whose own answer tells the listeners.
      if (readyBefore) listeners.callAll();
      readyBefore = true;
    });
    opened.connect().catch(report);
    subscriber = opened;
    return opened;
  };

  // A SUBSCRIBE cut by a dropped connection is forgotten by the client (it re-subscribes only the
  // channels whose SUBSCRIBE was answered): it is sent again a moment later.
  const subscribeChannel = (channel: string) => {
    openSubscriber()
      .subscribe(channel, () => listeners.call(channel))
      .then(
        () => {
          live.add(channel);
          listeners.call(channel);
        },
        (error: unknown) => {
          report(error);
          if (closed || !listeners.channels().includes(channel)) return;
          setTimeout(() => subscribeChannel(channel), RESUBSCRIBE_MS).unref();
        },
      );
  };

  return {
    publish: async (channel) => {
      await client.publish(channel, '');
    },
    subscribe(channel, listener) {
      let subscribed = true;
      if (listeners.add(channel, listener)) {
        subscribeChannel(channel);
      } else if (live.has(channel)) {
        setImmediate(() => {
          if (subscribed) listener();
        });
      }
      return () => {
        subscribed = false;
        if (!listeners.remove(channel, listener)) return;
        live.delete(channel);
        subscriber?.unsubscribe(channel).catch(report);
      };
    },
    close: async () => {
      closed = true;
      listeners.clear();
      live.clear();
      const opened = subscriber;
      subscriber = undefined;
      if (opened?.isOpen) opened.destroy();
    },
  };
}
