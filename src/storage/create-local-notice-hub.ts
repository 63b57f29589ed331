import { createListenerSets } from './create-listener-sets.ts';
import type { NoticeHub } from './notice-hub.ts';

/**
 * Notices within this process, for the embedded SQLite file (which one process owns). Listeners
 * run on a later turn of the event loop, as they would for a notice coming back from a server.
 */
export function createLocalNoticeHub(onError: (error: unknown) => void): NoticeHub {
  const listeners = createListenerSets(onError);
  let closed = false;
  return {
    publish: async (channel) => {
      if (!closed) setImmediate(() => listeners.call(channel));
    },
    subscribe(channel, listener) {
      let subscribed = true;
      listeners.add(channel, listener);
      // Live at once: tell the listener so, as the network hubs do once subscribed.
      setImmediate(() => {
        if (!closed && subscribed) listener();
      });
      return () => {
        subscribed = false;
        listeners.remove(channel, listener);
      };
    },
    close: async () => {
      closed = true;
      listeners.clear();
    },
  };
}
