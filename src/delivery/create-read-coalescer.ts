/**
 * A read of one alert: what it returned and when it started. It shows the alert at least as it was
 * when it started, so its start is when it observed the alert: of two reads, the one started later
 * is the newer, whichever answers first.
 */
interface SharedRead<T> {
  startedAt: number;
  result: Promise<{ value: T; observedAt: number }>;
}

export interface ReadCoalescer<T> {
  /**
   * The alert as read after `since` (a notification's receipt time): a read already started strictly
   * later, in flight or done, is shared; otherwise a new read is made. A failed read is not shared.
   */
  read(key: string, since: number, load: () => Promise<T>): Promise<{ value: T; observedAt: number }>;
  /** When the newest read of `key` started, if this process remembers one. */
  lastStartedAt(key: string): number | undefined;
}

/**
 * Notifications of the same alert that waited in the queue are served by one read: any read started
 * after a notification arrived shows at least what that notification announced. In-process only (a
 * replica reads on its own); the newest read per alert is kept, at most `maxKeys` alerts.
 */
export function createReadCoalescer<T>(options: { now: () => number; maxKeys?: number }): ReadCoalescer<T> {
  const maxKeys = options.maxKeys ?? 1_000;
  const reads = new Map<string, SharedRead<T>>();

  const remember = (key: string, read: SharedRead<T>) => {
    reads.delete(key);
    reads.set(key, read);
    if (reads.size > maxKeys) {
      const oldest = reads.keys().next().value;
      if (oldest !== undefined) reads.delete(oldest);
    }
  };

  return {
    read(key, since, load) {
      const shared = reads.get(key);
      if (shared !== undefined && shared.startedAt > since) return shared.result;
      const startedAt = options.now();
      const read: SharedRead<T> = {
        startedAt,
        result: load().then((value) => ({ value, observedAt: startedAt })),
      };
      remember(key, read);
      read.result.catch(() => {
        if (reads.get(key) === read) reads.delete(key);
      });
      return read.result;
    },
    lastStartedAt: (key) => reads.get(key)?.startedAt,
  };
}
