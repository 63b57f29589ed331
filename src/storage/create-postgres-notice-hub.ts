import { Client } from 'pg';
import { createListenerSets } from './create-listener-sets.ts';
import type { NoticeHub } from './notice-hub.ts';

export interface CreatePostgresNoticeHubOptions {
  url: string;
  /** NOTIFY goes through the store's pool (any connection will do). */
  query: (sql: string, values: unknown[]) => Promise<unknown>;
  onError: (error: unknown) => void;
  connectTimeoutMs: number;
  /** First wait before reconnecting the listening client; doubled up to 5 s. */
  retryMs?: number;
}

const MAX_RETRY_MS = 5_000;

/**
 * PostgreSQL NOTIFY through the pool, LISTEN on a client of its own (a pooled connection would
 * be handed to other queries and its LISTEN lost), opened on the first subscription. When that
 * client fails it is dropped, logged and replaced after a back-off; the new one LISTENs again and
 * calls every listener, since notices sent meanwhile are lost. Channels are per database.
 */
export function createPostgresNoticeHub(options: CreatePostgresNoticeHubOptions): NoticeHub {
  const { onError } = options;
  const firstRetryMs = options.retryMs ?? 100;
  const listeners = createListenerSets(onError);
  let active: Client | undefined;
  /** Channels the active client LISTENs to: a listener added later is live at once. */
  const live = new Set<string>();
  let connecting = false;
  let retryMs = firstRetryMs;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  // Every use of the listening client runs in turn, so a LISTEN never races its (re)connection.
  let turn: Promise<void> = Promise.resolve();
  const inTurn = (work: () => Promise<void>) => {
    turn = turn.then(work).catch(onError);
  };
  const listen = (client: Client, channel: string) =>
    client.query(`LISTEN ${client.escapeIdentifier(channel)}`);

  const drop = (client: Client) => {
    if (active === client) {
      active = undefined;
      live.clear();
    }
    client.removeAllListeners('end');
    client.end().catch(() => {});
    schedule();
  };

  const schedule = () => {
    if (closed || retryTimer !== undefined || connecting || active !== undefined) return;
    if (listeners.channels().length === 0) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      connect();
    }, retryMs);
    retryTimer.unref();
    retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
  };

  const connect = () => {
    if (closed || connecting || active !== undefined) return;
    connecting = true;
    const client = new Client({
      connectionString: options.url,
      connectionTimeoutMillis: options.connectTimeoutMs,
    });
    client.on('notification', (message) => listeners.call(message.channel));
    // An unheard 'error' would kill the process: the client is dropped, logged and replaced.
    client.on('error', (error) => {
      onError(error);
      drop(client);
    });
    client.on('end', () => drop(client));
    inTurn(async () => {
      const listened = new Set<string>();
      try {
        await client.connect();
        // Channels subscribed while this runs are LISTENed too, before the client counts as active.
        const unheard = () => listeners.channels().filter((channel) => !listened.has(channel));
        for (let pending = unheard(); pending.length > 0; pending = unheard()) {
          for (const channel of pending) {
            await listen(client, channel);
            listened.add(channel);
          }
        }
      } catch (error) {
        connecting = false;
        onError(error);
        drop(client);
        return;
      }
      connecting = false;
      if (closed) {
        await client.end();
        return;
      }
      active = client;
      for (const channel of listened) live.add(channel);
      retryMs = firstRetryMs;
      listeners.callAll();
    });
  };

  return {
    publish: async (channel) => {
      await options.query('SELECT pg_notify($1, $2)', [channel, '']);
    },
    subscribe(channel, listener) {
      let subscribed = true;
      if (!listeners.add(channel, listener)) {
        // Otherwise the LISTEN on its way calls it once answered.
        if (live.has(channel))
          setImmediate(() => {
            if (subscribed) listener();
          });
      } else if (active === undefined) {
        // A connection on its way LISTENs to every channel known by then, this one included.
        connect();
      } else {
        inTurn(async () => {
          const client = active;
          if (client === undefined) return;
          try {
            await listen(client, channel);
          } catch (error) {
            onError(error);
            drop(client);
            return;
          }
          if (active === client) live.add(channel);
          listeners.call(channel);
        });
      }
      return () => {
        subscribed = false;
        const client = active;
        if (!listeners.remove(channel, listener)) return;
        live.delete(channel);
        if (client !== undefined)
          inTurn(async () => {
            await client.query(`UNLISTEN ${client.escapeIdentifier(channel)}`);
          });
      };
    },
    close: async () => {
      closed = true;
      clearTimeout(retryTimer);
      listeners.clear();
      const client = active;
      active = undefined;
      if (client !== undefined) {
        client.removeAllListeners('end');
        await client.end().catch(onError);
      }
      await turn;
    },
  };
}
