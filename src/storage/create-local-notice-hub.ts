import { createListenerSets } from './create-listener-sets.ts';
import type { NoticeHub } from './notice-hub.ts';

type ListenerSets = ReturnType<typeof createListenerSets>;

/** The listeners of every open hub, by database: stores opened twice on one file hear each other. */
const hubsByDatabase = new Map<string, Set<ListenerSets>>();

/**
 * Notices within this process, for the embedded SQLite file (which one process owns). `database`
 * names what the stores share (the file's path; a fresh key for a private in-memory database).
 * Listeners run on a later turn of the event loop, as for a notice coming back from a server.
 */
export function createLocalNoticeHub(database: string, onError: (error: unknown) => void): NoticeHub {
  const listeners = createListenerSets(onError);
  const peers = hubsByDatabase.get(database) ?? new Set<ListenerSets>();
  hubsByDatabase.set(database, peers);
  peers.add(listeners);
  let closed = false;
  return {
    publish: async (channel) => {
      if (closed) return;
      const hearing = [...peers];
      setImmediate(() => {
        for (const hub of hearing) hub.call(channel);
      });
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
      peers.delete(listeners);
      if (peers.size === 0) hubsByDatabase.delete(database);
    },
  };
}
