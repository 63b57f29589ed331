import type { Clock } from '../clock.ts';

/** Long enough for a burst of clicks, short enough that a removed admin or member is soon refused. */
export const LOOKUP_TTL_MS = 30_000;
export const LOOKUP_MAX_ENTRIES = 2_000;

export interface CacheLookupsOptions {
  clock: Clock;
  ttlMs?: number;
  maxEntries?: number;
}

interface Entry<T> {
  value: Promise<T>;
  expiresAt: number;
}

/**
 * A small cache of lookups by key (`load` runs on a miss): answers are kept `ttlMs`, a lookup under way is shared by
 * the callers that arrive meanwhile, and a failure is not kept (the next call asks again). At most
 * `maxEntries` are kept, the oldest dropped first.
 */
export function cacheLookups<T>(
  options: CacheLookupsOptions,
): (key: string, load: () => Promise<T>) => Promise<T> {
  const ttlMs = options.ttlMs ?? LOOKUP_TTL_MS;
  const maxEntries = options.maxEntries ?? LOOKUP_MAX_ENTRIES;
  const entries = new Map<string, Entry<T>>();
  return (key, load) => {
    const now = options.clock.now();
    const cached = entries.get(key);
    if (cached !== undefined && cached.expiresAt > now) return cached.value;
    entries.delete(key);
    const value = load();
    const entry = { value, expiresAt: now + ttlMs };
    entries.set(key, entry);
    value.catch(() => {
      if (entries.get(key) === entry) entries.delete(key);
    });
    while (entries.size > maxEntries) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      entries.delete(oldest);
    }
    return value;
  };
}
