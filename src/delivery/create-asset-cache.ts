import type { Clock } from '../clock.ts';
import { isBotError } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { SekoiaAsset } from '../sekoia/asset-schema.ts';

/** What a card shows of an asset. */
export interface AssetInfo {
  name: string | undefined;
  /** 0–100. */
  criticality: number | undefined;
}

/** Asset name and criticality by UUID. `get` never rejects: undefined means "not known now". */
export interface AssetCache {
  get(uuid: string): Promise<AssetInfo | undefined>;
}

export interface CreateAssetCacheOptions {
  /** Reads one asset (`SekoiaApi.getAsset`). */
  lookup: (uuid: string) => Promise<SekoiaAsset>;
  clock: Clock;
  log: Logger;
  /** How long an asset read stays fresh. */
  hitTtlMs?: number;
  /** How long "no such asset" (404) or a refusal (403, an unreadable answer) is kept. */
  missTtlMs?: number;
  /** How long a passing failure (network, 5xx, 429) is kept before the next try. */
  errorTtlMs?: number;
  /** Assets kept; the least recently used go first. */
  maxEntries?: number;
}

export const ASSET_HIT_TTL_MS = 3_600_000;
export const ASSET_MISS_TTL_MS = 600_000;
export const ASSET_ERROR_TTL_MS = 60_000;
export const ASSET_CACHE_MAX_ENTRIES = 5_000;

interface Entry {
  info: AssetInfo | undefined;
  expiresAt: number;
}

/**
 * A storm of alerts on the same hosts means one asset read per host per hour, not one per alert:
 * answers (found or not) are kept for a while, and concurrent reads of one asset share one request.
 * A failed read is kept briefly too, so an asset API that is down is not asked again for every alert;
 * meanwhile the last name known, if any, is still served.
 */
export function createAssetCache(options: CreateAssetCacheOptions): AssetCache {
  const { clock, log } = options;
  const hitTtlMs = options.hitTtlMs ?? ASSET_HIT_TTL_MS;
  const missTtlMs = options.missTtlMs ?? ASSET_MISS_TTL_MS;
  const errorTtlMs = options.errorTtlMs ?? ASSET_ERROR_TTL_MS;
  const maxEntries = Math.max(1, options.maxEntries ?? ASSET_CACHE_MAX_ENTRIES);
  // A Map keeps insertion order: re-inserting on use makes its first key the least recently used.
  const entries = new Map<string, Entry>();
  const inFlight = new Map<string, Promise<AssetInfo | undefined>>();

  const keep = (uuid: string, info: AssetInfo | undefined, ttlMs: number) => {
    entries.delete(uuid);
    entries.set(uuid, { info, expiresAt: clock.now() + ttlMs });
    for (const oldest of entries.keys()) {
      if (entries.size <= maxEntries) break;
      entries.delete(oldest);
    }
  };

  const read = async (uuid: string, stale: AssetInfo | undefined): Promise<AssetInfo | undefined> => {
    try {
      const asset = await options.lookup(uuid);
      const info = { name: asset.name, criticality: asset.criticality };
      keep(uuid, info, hitTtlMs);
      return info;
    } catch (error) {
      const passing = !isBotError(error) || error.retryable;
      const code = isBotError(error) ? error.code : 'unexpected_error';
      const level = code === 'sekoia_not_found' ? 'debug' : 'warn';
      log[level]({ err: code, assetUuid: uuid }, 'asset could not be read; the card shows its UUID');
      // A passing failure keeps the last name known; "no such asset" or a refusal forgets it.
      const kept = passing ? stale : undefined;
      keep(uuid, kept, passing ? errorTtlMs : missTtlMs);
      return kept;
    }
  };

  return {
    get(uuid) {
      const entry = entries.get(uuid);
      if (entry !== undefined && entry.expiresAt > clock.now()) {
        entries.delete(uuid);
        entries.set(uuid, entry);
        return Promise.resolve(entry.info);
      }
      const pending = inFlight.get(uuid);
      if (pending !== undefined) return pending;
      const started = read(uuid, entry?.info).finally(() => inFlight.delete(uuid));
      inFlight.set(uuid, started);
      return started;
    },
  };
}
